/** The seeded demo tenants, as the e2e tests reach them (each on its own *.localhost subdomain). */
export const WEB_PORT = process.env.E2E_WEB_PORT ?? '4173';

export const TENANTS = {
  prairiesky: { slug: 'prairiesky', displayName: 'Prairie Sky Wireless', primary: 'rgb(29, 78, 216)' },
  summitridge: { slug: 'summitridge', displayName: 'Summit Ridge Internet', primary: 'rgb(22, 101, 52)' },
} as const;

export function portalUrl(slug: string, path = '') {
  return `http://${slug}.localhost:${WEB_PORT}/modules/customers/portal${path}`;
}
