import {
  ZCustomerInput,
  ZCustomerUpdate,
  type TCustomerImportAnalysis,
  type TCustomerImportField,
  type TCustomerImportMapping,
  type TCustomerImportResult,
  type TCustomerImportRowError,
  type TCustomerUpdateParsed,
} from '@wisp/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { AppError } from '../platform/http/app-error.ts';
import { CustomerModel, type TCustomerDoc } from './customer.model.ts';
import { cellsByField, checkMapping, parseCustomerCsv, suggestMapping, type CsvFile } from './customer-csv.ts';
import { PHONE_FIELD_MESSAGE } from './customer-search.ts';
import { toE164 } from '../customer-auth/identifier.ts';
import { staffActorOf } from './staff-customers.service.ts';

/** Writes go to the database in batches of this many rows (never one round trip per row). */
const BATCH = 250;

type Cells = Partial<Record<TCustomerImportField, string>>;
type Outcome = 'create' | 'update' | 'unchanged';
type PlannedRow = { line: number; customerId: string; set: Record<string, unknown> };

/** Step 1: the file's headers, a suggested mapping and a few rows to show beside it. */
export async function analyzeImport(ctx: AccessContext, file: Buffer | undefined): Promise<TCustomerImportAnalysis> {
  await requireAccess(ctx, 'customer.import');
  const csv = parseCustomerCsv(fileOrThrow(file));
  return {
    headers: csv.headers,
    suggestedMapping: suggestMapping(csv.headers),
    rowCount: csv.rows.length,
    sample: csv.rows.slice(0, 5).map((r) => r.cells),
  };
}

function fileOrThrow(file: Buffer | undefined): Buffer {
  if (!file?.length) throw AppError.validation({ file: 'Choose a CSV file to import.' });
  return file;
}

/** A cell's name in messages: the column the person mapped, as their file calls it. */
const columnOf = (mapping: TCustomerImportMapping, field: TCustomerImportField) => mapping[field] ?? field;

const FIELD_OF_PATH: Record<string, TCustomerImportField> = {
  'phones.0': 'phone',
  'phones.1': 'phone2',
  'servicePlan.planName': 'planName',
  'servicePlan.downloadMbps': 'downloadMbps',
  'servicePlan.uploadMbps': 'uploadMbps',
  'servicePlan.monthlyFee': 'monthlyFee',
  'serviceAddress.street': 'street',
  'serviceAddress.city': 'city',
  'serviceAddress.state': 'state',
  'serviceAddress.postalCode': 'postalCode',
  'serviceAddress.country': 'country',
};

const number = (v: string | undefined) => (v === undefined ? undefined : Number(v.replace(/[$€£,\s]/g, '')));

/** A row as the shared customer input: a full name splits into first and last ("Hansen, Maria" too). */
function inputOf(cells: Cells): Record<string, unknown> {
  let { firstName, lastName } = cells;
  if ((!firstName || !lastName) && cells.fullName) {
    const full = cells.fullName;
    const [last, first] = full.includes(',') ? full.split(',', 2).map((s) => s.trim()) : [];
    const words = full.split(/\s+/);
    firstName ??= first ?? (words.length > 1 ? words.slice(0, -1).join(' ') : full);
    lastName ??= last ?? (words.length > 1 ? words.at(-1) : undefined);
  }
  const address = { street: cells.street, city: cells.city, state: cells.state, postalCode: cells.postalCode };
  const country = cells.country?.toUpperCase();
  const hasPlan = cells.planName || cells.downloadMbps || cells.uploadMbps || cells.monthlyFee;
  return {
    customerId: cells.customerId,
    firstName,
    lastName,
    email: cells.email,
    phones: [cells.phone, cells.phone2].filter(Boolean),
    serviceAddress: Object.values(address).some(Boolean) || country ? { ...address, country } : undefined,
    siteId: cells.siteId,
    servicePlan: hasPlan
      ? {
          planName: cells.planName,
          downloadMbps: number(cells.downloadMbps),
          uploadMbps: number(cells.uploadMbps),
          monthlyFee: number(cells.monthlyFee),
        }
      : undefined,
    serviceStatus: cells.serviceStatus?.toLowerCase(),
  };
}

/**
 * What a valid row stores, as dotted paths: only the cells that have a value, so an empty cell keeps
 * what is stored and a second import of the same file changes nothing.
 */
function storedPathsOf(input: TCustomerUpdateParsed, cells: Cells, country: string) {
  const set: Record<string, unknown> = {};
  for (const key of ['customerId', 'firstName', 'lastName', 'email', 'siteId', 'serviceStatus'] as const)
    if (input[key] !== undefined) set[key] = input[key];
  for (const [key, value] of Object.entries(input.serviceAddress ?? {}))
    if (value !== undefined) set[`serviceAddress.${key}`] = value;
  if (input.servicePlan) set.servicePlan = input.servicePlan;
  for (const field of ['phone', 'phone2'] as const) {
    if (!cells[field]) continue;
    const phone = toE164(cells[field], country);
    if (!phone) return { error: field };
    if (field === 'phone') set.primaryPhone = phone;
    else set.additionalPhones = [phone];
  }
  return { set };
}

const valueAt = (doc: unknown, path: string) =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

const same = (a: unknown, b: unknown): boolean => {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    return Object.entries(a).every(([k, v]) => same(v, (b as Record<string, unknown>)[k]));
  }
  return JSON.stringify(a) === JSON.stringify(b);
};

const changedPaths = (existing: TCustomerDoc, set: Record<string, unknown>) =>
  Object.keys(set).filter((path) => !same(set[path], valueAt(existing, path)));

/** Dotted paths as a document to insert. */
function documentOf(tenantId: unknown, set: Record<string, unknown>) {
  const doc: Record<string, unknown> = { tenantId };
  for (const [path, value] of Object.entries(set)) {
    const [head, tail] = path.split('.', 2) as [string, string | undefined];
    if (tail) doc[head] = { ...(doc[head] as object), [tail]: value };
    else doc[head] = value;
  }
  return doc;
}

type Plan = {
  errors: TCustomerImportRowError[];
  creates: PlannedRow[];
  updates: (PlannedRow & { existing: TCustomerDoc })[];
  unchanged: number;
};

/**
 * Every row checked against the shared customer schema and against the tenant's customers, read once
 * for the whole file (FerretDB scans the collection on every read: never one read per row).
 */
async function planImport(ctx: AccessContext, csv: CsvFile, mapping: TCustomerImportMapping): Promise<Plan> {
  const country = ctx.tenant.defaultCountry;
  const rows = csv.rows.map((row) => ({ line: row.line, cells: cellsByField(csv.headers, mapping, row) }));
  const ids = [...new Set(rows.map((r) => r.cells.customerId).filter((id): id is string => Boolean(id)))];
  const existing = new Map(
    (await CustomerModel.find({ tenantId: ctx.tenant._id, customerId: { $in: ids } }).lean<TCustomerDoc[]>()).map(
      (c) => [c.customerId, c],
    ),
  );
  const plan: Plan = { errors: [], creates: [], updates: [], unchanged: 0 };
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of rows) {
    const customerId = cells.customerId ?? null;
    const fail = (field: TCustomerImportField | null, message: string) =>
      plan.errors.push({
        line,
        customerId,
        field,
        message: field ? `${columnOf(mapping, field)}: ${message}` : message,
      });
    if (customerId && firstLineOf.has(customerId)) {
      fail('customerId', `this customer ID is also on line ${firstLineOf.get(customerId)}.`);
      continue;
    }
    if (customerId) firstLineOf.set(customerId, line);
    const current = customerId ? existing.get(customerId) : undefined;
    const parsed = (current ? ZCustomerUpdate : ZCustomerInput).safeParse(inputOf(cells));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.join('.');
      fail(FIELD_OF_PATH[path] ?? (issue.path[0] as TCustomerImportField | undefined) ?? null, issue.message);
      continue;
    }
    const stored = storedPathsOf(parsed.data, cells, country);
    if ('error' in stored) {
      fail(stored.error!, PHONE_FIELD_MESSAGE);
      continue;
    }
    const planned = { line, customerId: customerId!, set: stored.set };
    if (!current) plan.creates.push(planned);
    else if (changedPaths(current, stored.set).length) plan.updates.push({ ...planned, existing: current });
    else plan.unchanged++;
  }
  return plan;
}

const resultOf = (dryRun: boolean, counts: Record<Outcome, number>, errors: TCustomerImportRowError[]) => ({
  dryRun,
  counts: { ...counts, error: errors.length },
  errors: errors.sort((a, b) => a.line - b.line),
});

/** Step 2: what an import with this mapping would do, row by row; nothing is written. */
export async function dryRunImport(
  ctx: AccessContext,
  file: Buffer | undefined,
  mapping: TCustomerImportMapping,
): Promise<TCustomerImportResult> {
  await requireAccess(ctx, 'customer.import');
  const csv = parseCustomerCsv(fileOrThrow(file));
  checkMapping(csv.headers, mapping);
  const plan = await planImport(ctx, csv, mapping);
  return resultOf(
    true,
    { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged },
    plan.errors,
  );
}

/** Inserts new customers in batches; the rows another import created first (unique index) come back. */
async function insertCreates(tenantId: unknown, creates: PlannedRow[]): Promise<PlannedRow[]> {
  const lost: PlannedRow[] = [];
  for (let i = 0; i < creates.length; i += BATCH) {
    const batch = creates.slice(i, i + BATCH);
    try {
      await CustomerModel.insertMany(
        batch.map((r) => documentOf(tenantId, r.set)),
        { ordered: false },
      );
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] })
        .writeErrors;
      if (!writeErrors?.length || !writeErrors.every((e) => isDuplicateKeyError(e.err ?? e))) throw err;
      for (const e of writeErrors) lost.push(batch[e.index]!);
    }
  }
  return lost;
}

/** The stored document with the row's values applied (dotted paths into nested objects). */
function replacementOf(existing: TCustomerDoc, set: Record<string, unknown>, now: Date): Record<string, unknown> {
  // Shallow: ObjectIds and Dates stay what they are (a deep clone would turn them into plain objects).
  const doc = { ...existing } as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const [head, tail] = path.split('.', 2) as [string, string | undefined];
    if (tail) doc[head] = { ...(doc[head] as object), [tail]: value };
    else doc[head] = value;
  }
  doc.updatedAt = now;
  return doc;
}

/**
 * Changed customers are rewritten a batch at a time: one `deleteMany` by `_id` and one `insertMany` of
 * the new versions (same `_id`, every other field kept). On FerretDB each `updateOne` scans the whole
 * collection, so 500 single updates took over two minutes; two statements per batch take a second.
 * The rows were read with the tenant in the filter just before. If the insert fails for any reason but
 * another import having put the same customer back first, the previous versions are restored.
 */
async function applyUpdates(updates: Plan['updates']): Promise<void> {
  const now = new Date();
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    await CustomerModel.collection.deleteMany({ _id: { $in: batch.map((u) => u.existing._id) } });
    try {
      await CustomerModel.collection.insertMany(
        batch.map((u) => replacementOf(u.existing, u.set, now)),
        { ordered: false },
      );
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] })
        .writeErrors;
      if (writeErrors?.length && writeErrors.every((e) => isDuplicateKeyError(e.err ?? e))) continue;
      const failed = writeErrors?.map((e) => batch[e.index]!) ?? batch;
      await CustomerModel.collection
        .insertMany(
          failed.map((u) => u.existing as unknown as Record<string, unknown>),
          { ordered: false },
        )
        .catch(() => undefined);
      throw err;
    }
  }
}

/**
 * Step 3: the import. Idempotent by customer ID: a row whose customer exists updates it, so a second
 * import of the same file creates nothing and reports the rows unchanged. Two imports at once cannot
 * duplicate a customer: the unique (tenant, customer ID) index lets one insert win, and the other's row
 * is applied as an update of the winner.
 */
export async function runImport(
  ctx: AccessContext,
  file: Buffer | undefined,
  mapping: TCustomerImportMapping,
): Promise<TCustomerImportResult> {
  await requireAccess(ctx, 'customer.import');
  const staff = staffActorOf(ctx);
  const csv = parseCustomerCsv(fileOrThrow(file));
  checkMapping(csv.headers, mapping);
  const plan = await planImport(ctx, csv, mapping);
  const lost = await insertCreates(ctx.tenant._id, plan.creates);
  const counts = { create: plan.creates.length - lost.length, update: plan.updates.length, unchanged: plan.unchanged };
  if (lost.length) {
    const winners = new Map(
      (
        await CustomerModel.find({
          tenantId: ctx.tenant._id,
          customerId: { $in: lost.map((r) => r.customerId) },
        }).lean<TCustomerDoc[]>()
      ).map((c) => [c.customerId, c]),
    );
    for (const row of lost) {
      const existing = winners.get(row.customerId)!;
      if (changedPaths(existing, row.set).length) {
        plan.updates.push({ ...row, existing });
        counts.update++;
      } else counts.unchanged++;
    }
  }
  await applyUpdates(plan.updates);
  const result = resultOf(false, counts, plan.errors);
  await recordAudit(
    staff,
    'customer.import',
    { kind: 'tenant', id: String(ctx.tenant._id), label: 'CSV import' },
    `${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged, ${plan.errors.length} rows with errors`,
  );
  return result;
}
