import type { TIncidentStatus } from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { renderBrandedEmail } from '../../notifications/branded-email.ts';
import { enqueueEmails, type OutgoingEmail } from '../../notifications/outbox.service.ts';
import type { TTicketDoc } from '../../tickets/ticket.model.ts';
import { portalUrl } from '../../tenants/portal-url.ts';
import type { TIncidentDoc } from './incident.model.ts';

type Locale = 'en' | 'es';

const TEXT = {
  en: {
    status: {
      investigating: 'Investigating',
      identified: 'Cause identified',
      monitoring: 'Fix in place, monitoring',
      resolved: 'Resolved',
    },
    subject: (title: string, status: string) => `Service update: ${title} — ${status}`,
    heading: (title: string) => `Update on: ${title}`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'You asked us to keep you posted about this outage. Here is the latest:',
    statusLine: (status: string) => `Status: ${status}`,
    eta: (when: string) => `Expected to be fixed by: ${when}`,
    action: 'See the service status',
    footnote: 'You receive this because you said you are affected by this outage.',
    ticketIntro: (n: string) => `We added this update to your ticket ${n}:`,
    ticketAction: 'Open your ticket',
    ticketFootnote:
      'You receive this because your ticket is linked to this outage. Reply on the ticket if your line is still down.',
  },
  es: {
    status: {
      investigating: 'Investigando',
      identified: 'Causa identificada',
      monitoring: 'Solución aplicada, en observación',
      resolved: 'Resuelto',
    },
    subject: (title: string, status: string) => `Actualización del servicio: ${title} — ${status}`,
    heading: (title: string) => `Actualización: ${title}`,
    greeting: (name: string) => `Hola ${name}:`,
    intro: 'Nos pidió que le mantuviéramos informado sobre esta interrupción. Esto es lo más reciente:',
    statusLine: (status: string) => `Estado: ${status}`,
    eta: (when: string) => `Solución prevista para: ${when}`,
    action: 'Ver el estado del servicio',
    footnote: 'Recibe este mensaje porque indicó que esta interrupción le afecta.',
    ticketIntro: (n: string) => `Añadimos esta actualización a su ticket ${n}:`,
    ticketAction: 'Abrir su ticket',
    ticketFootnote:
      'Recibe este mensaje porque su ticket está vinculado a esta interrupción. Responda en el ticket si su línea sigue sin servicio.',
  },
} as const;

/** The customer's own language when the record carries one, else the tenant's default. */
export function localeFor(customer: TCustomerDoc, tenant: Pick<TTenantDoc, 'defaultLocale'>): Locale {
  const preferred = (customer as { preferredLocale?: unknown }).preferredLocale;
  if (preferred === 'en' || preferred === 'es') return preferred;
  return tenant.defaultLocale === 'es' ? 'es' : 'en';
}

/** Who hears of an update: each affected customer once, with their linked ticket when they have one. */
export type IncidentRecipient = { customer: TCustomerDoc; ticket: Pick<TTicketDoc, '_id' | 'ticketNumber'> | null };

/**
 * Queues one branded email per recipient for the update at `index`, in one batch. The dedupe key names
 * the update and the customer, so a customer who filed a linked ticket and also subscribed gets one
 * mail, and a retry of the same update (or a second worker) sends nothing twice. Returns how many
 * this call queued.
 */
export async function emailIncidentUpdate(
  tenant: TTenantDoc,
  incident: TIncidentDoc,
  update: { index: number; status: TIncidentStatus; message: string; eta: Date | null },
  recipients: IncidentRecipient[],
  portalUrlTemplate: string,
): Promise<number> {
  const statusLink = portalUrl(tenant, portalUrlTemplate, '/status');
  const emails: OutgoingEmail[] = [];
  const seen = new Set<string>();
  for (const { customer, ticket } of recipients) {
    if (!customer.email || seen.has(customer.customerId)) continue;
    seen.add(customer.customerId);
    const locale = localeFor(customer, tenant);
    const t = TEXT[locale];
    const statusLabel = t.status[update.status];
    const eta = update.eta
      ? new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: tenant.timezone,
        }).format(update.eta)
      : null;
    const { html, text } = renderBrandedEmail(tenant, {
      preheader: `${statusLabel}: ${update.message}`.slice(0, 140),
      heading: t.heading(incident.title),
      paragraphs: [
        t.greeting(customer.firstName),
        ticket ? t.ticketIntro(ticket.ticketNumber) : t.intro,
        t.statusLine(statusLabel),
        update.message,
        ...(eta ? [t.eta(eta)] : []),
      ],
      action: ticket
        ? { label: t.ticketAction, url: portalUrl(tenant, portalUrlTemplate, `/tickets/${String(ticket._id)}`) }
        : { label: t.action, url: statusLink },
      footnote: ticket ? t.ticketFootnote : t.footnote,
    });
    emails.push({
      kind: 'incident-update',
      dedupeKey: incidentUpdateDedupeKey(incident._id, update.index, customer.customerId),
      to: customer.email,
      subject: t.subject(incident.title, statusLabel),
      html,
      text,
      replyTo: tenant.branding.company.supportEmail,
      fromName: tenant.branding.company.displayName,
    });
  }
  return enqueueEmails(String(tenant._id), emails);
}

export const incidentUpdateDedupeKey = (incidentId: unknown, index: number, customerId: string) =>
  `incident-update:${String(incidentId)}:${index}:${customerId}`;

/** The public reply an update posts on each linked ticket, in the tenant's language. */
export function replyBodyFor(
  tenant: Pick<TTenantDoc, 'defaultLocale'>,
  incident: Pick<TIncidentDoc, 'title'>,
  status: TIncidentStatus,
  message: string,
): string {
  const t = TEXT[tenant.defaultLocale === 'es' ? 'es' : 'en'];
  return `${t.heading(incident.title)} — ${t.status[status]}\n\n${message}`;
}
