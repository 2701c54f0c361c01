import { TICKET_REOPEN_WINDOW_DAYS, type TTicketStatus } from '@wisp/shared';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import type { TTicketMessageDoc, TWorkOrderDoc } from '../tickets/work-order.model.ts';
import { portalUrl } from '../tenants/portal-url.ts';
import { renderBrandedEmail } from './branded-email.ts';
import { enqueueEmail } from './outbox.service.ts';
import { TICKET_EMAIL_STRINGS, type TicketEmailLocale } from './ticket-email-strings.ts';

/**
 * Ticket emails. Each is queued in the outbox under a key naming its event, so a retried request never
 * sends it twice. Only public facts are used: internal notes have no function here.
 */
export type TicketEmailContext = { tenant: TTenantDoc; portalUrlTemplate: string };

function localeOf(tenant: TTenantDoc, customer?: TCustomerDoc): TicketEmailLocale {
  const preferred = (customer as { preferredLocale?: string } | undefined)?.preferredLocale ?? tenant.defaultLocale;
  return preferred === 'es' ? 'es' : 'en';
}

const ticketLink = (ctx: TicketEmailContext, wo: TWorkOrderDoc) => portalUrl(ctx.tenant, ctx.portalUrlTemplate, `/tickets/${String(wo._id)}`);

async function sendToCustomer(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  kind: string,
  dedupeKey: string,
  build: (s: (typeof TICKET_EMAIL_STRINGS)['en']) => { subject: string; heading: string; paragraphs: string[]; action: { label: string; url: string }; footnote?: string },
) {
  if (!customer.email) return;
  const { subject, ...content } = build(TICKET_EMAIL_STRINGS[localeOf(ctx.tenant, customer)]);
  const { html, text } = renderBrandedEmail(ctx.tenant, { ...content, preheader: content.paragraphs[0] });
  await enqueueEmail(String(ctx.tenant._id), {
    kind,
    dedupeKey,
    to: customer.email,
    subject,
    html,
    text,
    fromName: ctx.tenant.branding.company.displayName,
    ...(ctx.tenant.branding.company.supportEmail ? { replyTo: ctx.tenant.branding.company.supportEmail } : {}),
  });
}

export async function notifyTicketCreated(ctx: TicketEmailContext, customer: TCustomerDoc, wo: TWorkOrderDoc): Promise<void> {
  const supportEmail = ctx.tenant.branding.company.supportEmail;
  if (supportEmail) {
    const s = TICKET_EMAIL_STRINGS[localeOf(ctx.tenant)].createdSupport;
    const { html, text } = renderBrandedEmail(ctx.tenant, {
      heading: s.heading,
      paragraphs: [s.intro(`${customer.firstName} ${customer.lastName}`, customer.customerId), `${wo.ticketNumber} · ${wo.category} · ${wo.priority}`, wo.title, wo.description],
    });
    await enqueueEmail(String(ctx.tenant._id), {
      kind: 'ticket-created-support',
      dedupeKey: `ticket-created-support:${String(wo._id)}`,
      to: supportEmail,
      subject: s.subject(wo.ticketNumber, wo.title),
      html,
      text,
      fromName: ctx.tenant.branding.company.displayName,
      ...(customer.email ? { replyTo: customer.email } : {}),
    });
  }
  await sendToCustomer(ctx, customer, 'ticket-created-customer', `ticket-created-customer:${String(wo._id)}`, (all) => ({
    subject: all.createdCustomer.subject(wo.ticketNumber),
    heading: all.createdCustomer.heading,
    paragraphs: [all.createdCustomer.body(wo.ticketNumber), wo.title],
    action: { label: all.createdCustomer.action, url: ticketLink(ctx, wo) },
  }));
}

export async function notifyStaffReply(ctx: TicketEmailContext, customer: TCustomerDoc, wo: TWorkOrderDoc, message: TTicketMessageDoc): Promise<void> {
  if (message.visibility !== 'public') return;
  await sendToCustomer(ctx, customer, 'ticket-reply', `ticket-reply:${String(message._id)}`, (all) => ({
    subject: all.reply.subject(wo.ticketNumber),
    heading: all.reply.heading,
    paragraphs: [all.reply.intro, message.body],
    action: { label: all.reply.action, url: ticketLink(ctx, wo) },
  }));
}

/** `changeId` is the status-history entry's id, so each change is mailed at most once. */
export async function notifyStatusChanged(ctx: TicketEmailContext, customer: TCustomerDoc, wo: TWorkOrderDoc, to: TTicketStatus, changeId: string): Promise<void> {
  if (to === 'resolved') {
    await sendToCustomer(ctx, customer, 'ticket-resolved', `ticket-resolved:${changeId}`, (all) => ({
      subject: all.resolved.subject(wo.ticketNumber),
      heading: all.resolved.heading,
      paragraphs: [all.resolved.body(wo.ticketNumber)],
      action: { label: all.resolved.action, url: `${ticketLink(ctx, wo)}#rate` },
      footnote: all.resolved.footnote(TICKET_REOPEN_WINDOW_DAYS),
    }));
    return;
  }
  await sendToCustomer(ctx, customer, 'ticket-status', `ticket-status:${changeId}`, (all) => ({
    subject: all.status_.subject(wo.ticketNumber, all.status[to]),
    heading: all.status_.heading,
    paragraphs: [all.status_.body(wo.ticketNumber, all.status[to])],
    action: { label: all.status_.action, url: ticketLink(ctx, wo) },
  }));
}
