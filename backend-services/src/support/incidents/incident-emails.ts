import type { TIncidentStatus } from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { renderBrandedEmail } from '../../notifications/branded-email.ts';
import { enqueueEmail } from '../../notifications/outbox.service.ts';
import { portalUrl } from '../../tenants/portal-url.ts';
import type { TIncidentDoc } from './incident.model.ts';

type Locale = 'en' | 'es';

const TEXT = {
  en: {
    status: { investigating: 'Investigating', identified: 'Cause identified', monitoring: 'Fix in place, monitoring', resolved: 'Resolved' },
    subject: (title: string, status: string) => `Service update: ${title} — ${status}`,
    heading: (title: string) => `Update on: ${title}`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'You asked us to keep you posted about this outage. Here is the latest:',
    statusLine: (status: string) => `Status: ${status}`,
    eta: (when: string) => `Expected to be fixed by: ${when}`,
    action: 'See the service status',
    footnote: 'You receive this because you said you are affected by this outage.',
  },
  es: {
    status: { investigating: 'Investigando', identified: 'Causa identificada', monitoring: 'Solución aplicada, en observación', resolved: 'Resuelto' },
    subject: (title: string, status: string) => `Actualización del servicio: ${title} — ${status}`,
    heading: (title: string) => `Actualización: ${title}`,
    greeting: (name: string) => `Hola ${name}:`,
    intro: 'Nos pidió que le mantuviéramos informado sobre esta interrupción. Esto es lo más reciente:',
    statusLine: (status: string) => `Estado: ${status}`,
    eta: (when: string) => `Solución prevista para: ${when}`,
    action: 'Ver el estado del servicio',
    footnote: 'Recibe este mensaje porque indicó que esta interrupción le afecta.',
  },
} as const;

/** The customer's own language when the record carries one, else the tenant's default. */
export function localeFor(customer: TCustomerDoc, tenant: Pick<TTenantDoc, 'defaultLocale'>): Locale {
  const preferred = (customer as { preferredLocale?: unknown }).preferredLocale;
  if (preferred === 'en' || preferred === 'es') return preferred;
  return tenant.defaultLocale === 'es' ? 'es' : 'en';
}

/**
 * Queues one branded email per subscriber for the update at `updateIndex`. The dedupe key makes a
 * retry of the same update (or a second worker) send nothing twice.
 */
export async function emailIncidentUpdate(
  tenant: TTenantDoc,
  incident: TIncidentDoc,
  update: { index: number; status: TIncidentStatus; message: string; eta: Date | null },
  subscribers: TCustomerDoc[],
  portalUrlTemplate: string,
): Promise<void> {
  const link = portalUrl(tenant, portalUrlTemplate, '/status');
  for (const customer of subscribers) {
    if (!customer.email) continue;
    const locale = localeFor(customer, tenant);
    const t = TEXT[locale];
    const statusLabel = t.status[update.status];
    const eta = update.eta
      ? new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: tenant.timezone }).format(update.eta)
      : null;
    const { html, text } = renderBrandedEmail(tenant, {
      preheader: `${statusLabel}: ${update.message}`.slice(0, 140),
      heading: t.heading(incident.title),
      paragraphs: [t.greeting(customer.firstName), t.intro, t.statusLine(statusLabel), update.message, ...(eta ? [t.eta(eta)] : [])],
      action: { label: t.action, url: link },
      footnote: t.footnote,
    });
    await enqueueEmail(String(tenant._id), {
      kind: 'incident-update',
      dedupeKey: `incident-update:${String(incident._id)}:${update.index}:${customer.customerId}`,
      to: customer.email,
      subject: t.subject(incident.title, statusLabel),
      html,
      text,
      replyTo: tenant.branding.company.supportEmail,
      fromName: tenant.branding.company.displayName,
    });
  }
}
