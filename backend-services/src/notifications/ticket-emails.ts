import { TICKET_REOPEN_WINDOW_DAYS, type TTicketStatus } from '@wisp/shared';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import type { TTicketMessageDoc, TTicketDoc } from '../tickets/ticket.model.ts';
import { portalUrl, tenantOrigin } from '../tenants/portal-url.ts';
import { renderBrandedEmail } from './branded-email.ts';
import { enqueueEmail, enqueueEmails, type OutgoingEmail } from './outbox.service.ts';
import { TICKET_EMAIL_STRINGS, type TicketEmailLocale } from './ticket-email-strings.ts';

/**
 * Ticket emails. Each is queued in the outbox under a key naming its event, so a retried request never
 * sends it twice. Only public facts are used: internal notes have no function here.
 */
export type TicketEmailContext = { tenant: TTenantDoc; portalUrlTemplate: string };

function localeOf(tenant: TTenantDoc, customer?: TCustomerDoc): TicketEmailLocale {
  const preferred = customer?.preferredLocale ?? tenant.defaultLocale;
  return preferred === 'es' ? 'es' : 'en';
}

const ticketLink = (ctx: TicketEmailContext, ticket: TTicketDoc) =>
  portalUrl(ctx.tenant, ctx.portalUrlTemplate, `/tickets/${String(ticket._id)}`);

type EmailBuild = (s: (typeof TICKET_EMAIL_STRINGS)['en']) => {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footnote?: string;
};

/** The customer's email in their language, or null when they have no address. */
function emailToCustomer(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  kind: string,
  dedupeKey: string,
  build: EmailBuild,
): OutgoingEmail | null {
  if (!customer.email) return null;
  const { subject, ...content } = build(TICKET_EMAIL_STRINGS[localeOf(ctx.tenant, customer)]);
  const { html, text } = renderBrandedEmail(ctx.tenant, { ...content, preheader: content.paragraphs[0] });
  return {
    kind,
    dedupeKey,
    to: customer.email,
    subject,
    html,
    text,
    fromName: ctx.tenant.branding.company.displayName,
    ...(ctx.tenant.branding.company.supportEmail ? { replyTo: ctx.tenant.branding.company.supportEmail } : {}),
  };
}

async function sendToCustomer(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  kind: string,
  dedupeKey: string,
  build: EmailBuild,
) {
  const email = emailToCustomer(ctx, customer, kind, dedupeKey, build);
  if (email) await enqueueEmail(String(ctx.tenant._id), email);
}

function emailToSupport(ctx: TicketEmailContext, customer: TCustomerDoc, ticket: TTicketDoc): OutgoingEmail | null {
  const supportEmail = ctx.tenant.branding.company.supportEmail;
  if (!supportEmail) return null;
  const s = TICKET_EMAIL_STRINGS[localeOf(ctx.tenant)].createdSupport;
  const { html, text } = renderBrandedEmail(ctx.tenant, {
    heading: s.heading,
    paragraphs: [
      s.intro(`${customer.firstName} ${customer.lastName}`, customer.customerId),
      `${ticket.ticketNumber} · ${ticket.category} · ${ticket.priority}`,
      ticket.title,
      ticket.description,
    ],
  });
  return {
    kind: 'ticket-created-support',
    dedupeKey: `ticket-created-support:${String(ticket._id)}`,
    to: supportEmail,
    subject: s.subject(ticket.ticketNumber, ticket.title),
    html,
    text,
    fromName: ctx.tenant.branding.company.displayName,
    ...(customer.email ? { replyTo: customer.email } : {}),
  };
}

/** Support's notice and the customer's confirmation, queued in one insert (one round trip, one wake-up). */
export async function notifyTicketCreated(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  ticket: TTicketDoc,
): Promise<void> {
  const emails = [
    emailToSupport(ctx, customer, ticket),
    emailToCustomer(
      ctx,
      customer,
      'ticket-created-customer',
      `ticket-created-customer:${String(ticket._id)}`,
      (all) => ({
        subject: all.createdCustomer.subject(ticket.ticketNumber),
        heading: all.createdCustomer.heading,
        paragraphs: [all.createdCustomer.body(ticket.ticketNumber), ticket.title],
        action: { label: all.createdCustomer.action, url: ticketLink(ctx, ticket) },
      }),
    ),
  ].filter((e): e is OutgoingEmail => e !== null);
  if (emails.length) await enqueueEmails(String(ctx.tenant._id), emails);
}

export async function notifyStaffReply(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  ticket: TTicketDoc,
  message: TTicketMessageDoc,
): Promise<void> {
  if (message.visibility !== 'public') return;
  await sendToCustomer(ctx, customer, 'ticket-reply', `ticket-reply:${String(message._id)}`, (all) => ({
    subject: all.reply.subject(ticket.ticketNumber),
    heading: all.reply.heading,
    paragraphs: [all.reply.intro, message.body],
    action: { label: all.reply.action, url: ticketLink(ctx, ticket) },
  }));
}

/** `changeId` is the status-history entry's id, so each change is mailed at most once. */
export async function notifyStatusChanged(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  ticket: TTicketDoc,
  to: TTicketStatus,
  changeId: string,
): Promise<void> {
  if (to === 'resolved') {
    await sendToCustomer(ctx, customer, 'ticket-resolved', `ticket-resolved:${changeId}`, (all) => ({
      subject: all.resolved.subject(ticket.ticketNumber),
      heading: all.resolved.heading,
      paragraphs: [all.resolved.body(ticket.ticketNumber)],
      action: { label: all.resolved.action, url: `${ticketLink(ctx, ticket)}#rate` },
      footnote: all.resolved.footnote(TICKET_REOPEN_WINDOW_DAYS),
    }));
    return;
  }
  await sendToCustomer(ctx, customer, 'ticket-status', `ticket-status:${changeId}`, (all) => ({
    subject: all.status_.subject(ticket.ticketNumber, all.status[to]),
    heading: all.status_.heading,
    paragraphs: [all.status_.body(ticket.ticketNumber, all.status[to])],
    action: { label: all.status_.action, url: ticketLink(ctx, ticket) },
  }));
}

/**
 * Staff hear of a customer's message: the assignee, or the tenant's support address while nobody is
 * assigned. Keyed by the message, so each message is mailed exactly once however often it is retried.
 */
export async function notifyStaffOfCustomerMessage(
  ctx: TicketEmailContext,
  customer: TCustomerDoc,
  ticket: TTicketDoc,
  message: TTicketMessageDoc,
): Promise<void> {
  const to = ticket.assignedTo ?? ctx.tenant.branding.company.supportEmail;
  if (!to || message.visibility !== 'public' || message.authorType !== 'customer') return;
  const s = TICKET_EMAIL_STRINGS[localeOf(ctx.tenant)].customerMessageStaff;
  const name = `${customer.firstName} ${customer.lastName}`;
  const { html, text } = renderBrandedEmail(ctx.tenant, {
    heading: s.heading,
    paragraphs: [s.intro(name, ticket.ticketNumber), ticket.title, message.body],
    action: {
      label: s.action,
      url: new URL(
        `/modules/maintain/${String(ticket._id)}`,
        tenantOrigin(ctx.tenant, ctx.portalUrlTemplate),
      ).toString(),
    },
  });
  await enqueueEmail(String(ctx.tenant._id), {
    kind: 'ticket-customer-message-staff',
    dedupeKey: `ticket-customer-message-staff:${String(message._id)}`,
    to,
    subject: s.subject(ticket.ticketNumber, name),
    html,
    text,
    fromName: ctx.tenant.branding.company.displayName,
    ...(customer.email ? { replyTo: customer.email } : {}),
  });
}
