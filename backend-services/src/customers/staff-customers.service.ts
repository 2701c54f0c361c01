import type {
  TCustomerDetail,
  TCustomerInputParsed,
  TCustomerListQuery,
  TCustomerListResponse,
  TCustomerUpdateParsed,
} from '@wisp/shared';
import type { StaffActor } from '../platform/auth/actor.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { AppError } from '../platform/http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { TicketModel, type TTicketDoc } from '../tickets/ticket.model.ts';
import { CustomerModel, type TCustomerDoc } from './customer.model.ts';
import { customerSearchFilter, normalisePhones, PHONE_FIELD_MESSAGE } from './customer-search.ts';
import { portalStateOf } from './portal-state.ts';
import { displayNameOf, toCustomerDetail, toCustomerRow, type CustomerRowFields } from './staff-customer.views.ts';

const ROW_FIELDS = 'customerId firstName lastName email primaryPhone serviceStatus portalAccess';
/** The customer page lists this many of the customer's tickets, most recently active first. */
const TICKETS_ON_PAGE = 50;

export function staffActorOf(ctx: AccessContext): StaffActor {
  if (ctx.actor?.kind !== 'staff') throw AppError.notFound();
  return ctx.actor;
}

const byName = (a: CustomerRowFields, b: CustomerRowFields) =>
  a.lastName.localeCompare(b.lastName, undefined, { sensitivity: 'base' }) ||
  a.firstName.localeCompare(b.firstName, undefined, { sensitivity: 'base' }) ||
  a.customerId.localeCompare(b.customerId);

/**
 * The tenant's customers, searched, filtered, sorted by name and paginated. One read: FerretDB scans
 * the collection for any filter and sorts in Go anyway, so the matching rows (a narrow projection)
 * come back once and the portal state, which is derived from several fields, the order and the page
 * are decided here; `total` needs no second scan.
 */
export async function listCustomers(ctx: AccessContext, query: TCustomerListQuery): Promise<TCustomerListResponse> {
  await requireAccess(ctx, 'customer.list');
  const filter = {
    tenantId: ctx.tenant._id,
    ...(query.serviceStatus ? { serviceStatus: query.serviceStatus } : {}),
    ...(query.q ? customerSearchFilter(query.q, ctx.tenant.defaultCountry) : {}),
  };
  const now = new Date();
  const found = await CustomerModel.find(filter).select(ROW_FIELDS).lean<CustomerRowFields[]>();
  const matching = query.portalState ? found.filter((c) => portalStateOf(c, now) === query.portalState) : found;
  matching.sort(query.sort === '-name' ? (a, b) => byName(b, a) : byName);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize).map((c) => toCustomerRow(c, now)),
    page: query.page,
    pageSize: query.pageSize,
    total: matching.length,
  };
}

async function ticketsOfCustomer(tenantId: unknown, customerId: string) {
  return TicketModel.find({ tenantId, customerId })
    .sort({ lastActivityAt: -1 })
    .limit(TICKETS_ON_PAGE)
    .select('ticketNumber title status updatedAt')
    .lean<Pick<TTicketDoc, '_id' | 'ticketNumber' | 'title' | 'status' | 'updatedAt'>[]>();
}

/** The customer page: plan, status, equipment, installations, their tickets and the portal account. */
export async function getCustomer(ctx: AccessContext, customerId: string): Promise<TCustomerDetail> {
  const [customer] = await requireAccess(ctx, 'customer.read', [customerId]);
  return toCustomerDetail(customer, await ticketsOfCustomer(ctx.tenant._id, customer.customerId));
}

function phonesOrThrow(ctx: AccessContext, phones: readonly string[]) {
  const normalised = normalisePhones(phones, ctx.tenant.defaultCountry);
  if (!normalised.ok) throw AppError.validation({ [`phones.${normalised.index}`]: PHONE_FIELD_MESSAGE });
  return normalised.phones;
}

const customerIdTaken = () =>
  new AppError('CONFLICT', 409, 'Another customer already has this customer ID.', {
    customerId: 'Another customer already has this customer ID.',
  });

/** What the input sets, as stored fields (phones normalised; empty optional fields are cleared). */
function storedFieldsOf(ctx: AccessContext, input: TCustomerUpdateParsed) {
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  const put = (key: string, value: unknown) => (value === undefined ? (unset[key] = 1) : (set[key] = value));
  if ('customerId' in input) set.customerId = input.customerId;
  if ('firstName' in input) set.firstName = input.firstName;
  if ('lastName' in input) set.lastName = input.lastName;
  if ('email' in input) put('email', input.email);
  if (input.phones) {
    const [primary, ...more] = phonesOrThrow(ctx, input.phones);
    put('primaryPhone', primary);
    put('additionalPhones', more.length ? more : undefined);
  }
  if ('serviceAddress' in input) put('serviceAddress', input.serviceAddress);
  if ('siteId' in input) put('siteId', input.siteId);
  if ('servicePlan' in input) put('servicePlan', input.servicePlan);
  if (input.serviceStatus) set.serviceStatus = input.serviceStatus;
  return { set, unset };
}

/** Staff add a customer. The unique index on (tenant, customer ID) decides a clash, also between two at once. */
export async function createCustomer(ctx: AccessContext, input: TCustomerInputParsed): Promise<TCustomerDetail> {
  await requireAccess(ctx, 'customer.create');
  const staff = staffActorOf(ctx);
  const { set } = storedFieldsOf(ctx, input);
  let created: TCustomerDoc;
  try {
    created = (await CustomerModel.create({ ...set, tenantId: ctx.tenant._id })).toObject() as TCustomerDoc;
  } catch (err) {
    if (isDuplicateKeyError(err)) throw customerIdTaken();
    throw err;
  }
  await recordAudit(staff, 'customer.create', {
    kind: 'customer',
    id: created.customerId,
    label: displayNameOf(created),
  });
  return toCustomerDetail(created, []);
}

/**
 * Staff edit a customer. The customer ID ties tickets and the portal account to the customer, so it
 * changes only while the customer has neither.
 */
export async function updateCustomer(
  ctx: AccessContext,
  customerId: string,
  input: TCustomerUpdateParsed,
): Promise<TCustomerDetail> {
  const [customer] = await requireAccess(ctx, 'customer.update', [customerId]);
  const staff = staffActorOf(ctx);
  const renamed = input.customerId !== undefined && input.customerId !== customer.customerId;
  if (renamed) {
    const hasTickets = await TicketModel.exists({ tenantId: ctx.tenant._id, customerId: customer.customerId });
    if (hasTickets || customer.portalAccess?.firebaseUid) {
      const message = 'This customer has tickets or a portal account, so the customer ID stays as it is.';
      throw new AppError('CONFLICT', 409, message, { customerId: message });
    }
  }
  const { set, unset } = storedFieldsOf(ctx, input);
  try {
    await CustomerModel.updateOne(
      { _id: customer._id, tenantId: ctx.tenant._id },
      { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) },
    );
  } catch (err) {
    if (isDuplicateKeyError(err)) throw customerIdTaken();
    throw err;
  }
  const saved = (await CustomerModel.findById(customer._id).lean<TCustomerDoc>())!;
  await recordAudit(
    staff,
    'customer.update',
    { kind: 'customer', id: saved.customerId, label: displayNameOf(saved) },
    `changed ${Object.keys(input).join(', ')}${renamed ? ` (was ${customer.customerId})` : ''}`,
  );
  return toCustomerDetail(saved, await ticketsOfCustomer(ctx.tenant._id, saved.customerId));
}
