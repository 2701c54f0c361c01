import { calendarDateFrom, type TCustomerDetail, type TCustomerRow, type TPortalAccountPanel } from '@wisp/shared';
import type { TTicketDoc } from '../tickets/ticket.model.ts';
import type { TCustomerDoc } from './customer.model.ts';
import { portalStateOf } from './portal-state.ts';
import { signalQualityOf } from './signal-quality.ts';

/**
 * Staff views of a customer. Built from allowlists like the customer's own view: the portal
 * account's internals (Firebase uid, invitation code hash) never leave the server, for staff either.
 */
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

export const displayNameOf = (c: Pick<TCustomerDoc, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

export type CustomerRowFields = Pick<
  TCustomerDoc,
  'customerId' | 'firstName' | 'lastName' | 'email' | 'primaryPhone' | 'serviceStatus' | 'portalAccess'
>;

export function toCustomerRow(c: CustomerRowFields, now = new Date()): TCustomerRow {
  return {
    customerId: c.customerId,
    name: displayNameOf(c),
    primaryPhone: orNull(c.primaryPhone),
    email: orNull(c.email),
    serviceStatus: c.serviceStatus,
    portalState: portalStateOf(c, now),
    lastSignInAt: iso(c.portalAccess?.lastLoginAt),
  };
}

export function toPortalAccountPanel(c: Pick<TCustomerDoc, 'portalAccess'>, now = new Date()): TPortalAccountPanel {
  const access = c.portalAccess;
  return {
    state: portalStateOf(c, now),
    enabled: access?.enabled !== false,
    hasAccount: Boolean(access?.firebaseUid),
    invitedAt: iso(access?.invitedAt),
    invitationExpiresAt: access?.accessCode ? iso(access.accessCodeExpires) : null,
    lastSignInAt: iso(access?.lastLoginAt),
    locked: access?.accountStatus === 'locked',
  };
}

type TicketLine = Pick<TTicketDoc, '_id' | 'ticketNumber' | 'title' | 'status' | 'updatedAt'>;

export function toCustomerDetail(c: TCustomerDoc, tickets: TicketLine[], now = new Date()): TCustomerDetail {
  const address = c.serviceAddress;
  const plan = c.servicePlan;
  return {
    customerId: c.customerId,
    firstName: c.firstName,
    lastName: c.lastName,
    name: displayNameOf(c),
    email: orNull(c.email),
    phones: [c.primaryPhone, ...(c.additionalPhones ?? [])].filter((p): p is string => Boolean(p)),
    serviceAddress:
      address && Object.values(address).some(Boolean)
        ? Object.fromEntries(Object.entries(address).filter(([, v]) => typeof v === 'string' && v))
        : null,
    siteId: orNull(c.siteId),
    serviceStatus: c.serviceStatus,
    servicePlan:
      plan?.planName && plan.downloadMbps && plan.uploadMbps && typeof plan.monthlyFee === 'number'
        ? {
            planName: plan.planName,
            downloadMbps: plan.downloadMbps,
            uploadMbps: plan.uploadMbps,
            monthlyFee: plan.monthlyFee,
          }
        : null,
    nextBillingDate: calendarDateFrom(c.nextBillingDate),
    equipment: (c.equipment ?? []).map((e) => ({
      type: e.type,
      make: orNull(e.make),
      model: orNull(e.model),
      serialNumber: orNull(e.serialNumber),
      macAddress: orNull(e.macAddress),
      firmware: orNull(e.firmware),
      installedAt: iso(e.installedAt),
    })),
    network: c.networkInfo
      ? {
          signalStrength: orNull(c.networkInfo.signalStrength),
          signalQuality: signalQualityOf(c.networkInfo.signalStrength),
          lastOnline: iso(c.networkInfo.lastOnline),
          ipAddress: orNull(c.networkInfo.ipAddress),
        }
      : null,
    installations: (c.installations ?? []).map((i) => ({
      date: i.date.toISOString(),
      type: i.type,
      technicianFirstName: orNull(i.technicianFirstName),
      customerNotes: orNull(i.customerNotes),
      internalNotes: orNull(i.internalNotes),
    })),
    tickets: tickets.map((t) => ({
      id: String(t._id),
      ticketNumber: t.ticketNumber,
      title: t.title,
      status: t.status,
      updatedAt: t.updatedAt.toISOString(),
    })),
    portal: toPortalAccountPanel(c, now),
  };
}
