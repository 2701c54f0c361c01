import { z } from 'zod';

/**
 * A tenant's own portal address. States: `pending` (claimed, records not seen yet) → `verified` (the
 * TXT token and the CNAME were found) → `active` (the portal answers on it; the TLS proxy may issue).
 */
export const CUSTOM_DOMAIN_STATES = ['pending', 'verified', 'active'] as const;

export const ZHostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Use a host name such as portal.example.com (no https://, no path)',
  );

/** `PUT /api/tenant/:tenantId/branding/domain` */
export const ZCustomDomainRequest = z.strictObject({ domain: ZHostname });
export type TCustomDomainRequest = z.infer<typeof ZCustomDomainRequest>;

/** The domain, its state and the DNS records the admin must create. */
export const ZCustomDomainResponse = z.object({
  domain: z
    .object({
      name: z.string(),
      state: z.enum(CUSTOM_DOMAIN_STATES),
      records: z.object({
        cname: z.object({ name: z.string(), value: z.string() }),
        txt: z.object({ name: z.string(), value: z.string() }),
      }),
      checkedAt: z.string().datetime().nullable(),
      /** What the last check found missing, in words for the admin. */
      problems: z.array(z.string()),
    })
    .nullable(),
});
export type TCustomDomainResponse = z.infer<typeof ZCustomDomainResponse>;

/** `GET /api/tls/ask?domain=` (Caddy's on-demand TLS `ask`). */
export const ZTlsAskQuery = z.object({ domain: ZHostname });

/** `GET /api/tls/ask` for a domain that may get a certificate (any other answers 404). */
export const ZTlsAskResponse = z.object({ ok: z.literal(true) });
