import { describe, expect, it } from 'vitest';
import { ZCustomerImportAnalysis, ZCustomerImportResult } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { browser } from '../../test/portal-accounts.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { CustomerModel } from './customer.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('import', (w) => ({ t, blue, green } = w));

const staff = () => signInAsStaff(t, t.client('import-blue'), blue);
let batch = 0;

/** A billing export: `rows` customers with IDs `<prefix>-0001…`, phones in mixed formats. */
function billingCsv(prefix: string, rows: number, edit: (cells: string[], i: number) => string[] = (c) => c) {
  const header = 'Account #,Customer Name,E-mail,Phone,Address,City,ZIP,Plan,Down,Up,Monthly Fee,Status';
  const lines = Array.from({ length: rows }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return edit(
      [
        `${prefix}-${n}`,
        `"Hansen, Maria ${n}"`,
        `maria.${prefix.toLowerCase()}.${n}@example.com`,
        i % 2 ? `(402) 555-${n}` : `402.555.${n}`,
        `"${i + 1} Prairie Rd, Unit 2"`,
        'Lincoln',
        '68508',
        'Plus',
        '50',
        '10',
        '$69.99',
        'Active',
      ],
      i,
    ).join(',');
  });
  return [header, ...lines].join('\r\n') + '\r\n';
}

const MAPPING = {
  customerId: 'Account #',
  fullName: 'Customer Name',
  email: 'E-mail',
  phone: 'Phone',
  street: 'Address',
  city: 'City',
  postalCode: 'ZIP',
  planName: 'Plan',
  downloadMbps: 'Down',
  uploadMbps: 'Up',
  monthlyFee: 'Monthly Fee',
  serviceStatus: 'Status',
};

async function upload(
  path: string,
  csv: string,
  mapping: object | null = MAPPING,
  agent?: Awaited<ReturnType<typeof staff>>,
) {
  const req = (agent ?? (await staff()))
    .post(`/api/customers/import${path}`)
    .attach('file', Buffer.from(csv), 'customers.csv');
  return mapping ? req.field('mapping', JSON.stringify(mapping)) : req;
}

const prefix = () => `IMP${++batch}${Date.now().toString(36).slice(-4)}`.toUpperCase();

describe('POST /api/customers/import/analyze', () => {
  it('anonymous → 401; a customer → 404', async () => {
    const c = await createCustomer(blue);
    const csv = Buffer.from(billingCsv('X', 1));
    expect(
      (await browser(t, 'import-blue').post('/api/customers/import/analyze').attach('file', csv, 'a.csv')).status,
    ).toBe(401);
    const cust = await signInAsCustomer(t, t.client('import-blue'), blue, c);
    expect((await cust.post('/api/customers/import/analyze').attach('file', csv, 'a.csv')).status).toBe(404);
  });

  it('answers the headers, a mapping suggested from them and the first rows', async () => {
    const res = await upload('/analyze', billingCsv('AN', 7), null);
    expect(res.status).toBe(200);
    const analysis = ZCustomerImportAnalysis.strict().parse(res.body);
    expect(analysis.rowCount).toBe(7);
    expect(analysis.suggestedMapping).toEqual(MAPPING);
    expect(analysis.sample).toHaveLength(5);
    expect(analysis.sample[0]![1]).toBe('Hansen, Maria 0001');
  });

  it('a file that is not CSV → 400 naming the line; no file → 400', async () => {
    const broken = await upload('/analyze', 'id,name\n1,"ok"\n2,"bad"x\n', null);
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields.file).toMatch(/line 3/);
    expect((await (await staff()).post('/api/customers/import/analyze')).status).toBe(400);
  });
});

describe('POST /api/customers/import/dry-run', () => {
  it('reports per-row errors by CSV line and the counts, and writes nothing', async () => {
    const p = prefix();
    const existing = await createCustomer(blue, { customerId: `${p}-0001`, firstName: 'Maria', lastName: 'Old' });
    const csv = billingCsv(p, 6, (cells, i) => {
      if (i === 2) cells[2] = 'not-an-email';
      if (i === 4) cells[3] = '12';
      return cells;
    });
    const res = await upload('/dry-run', csv);
    expect(res.status).toBe(200);
    const result = ZCustomerImportResult.strict().parse(res.body);
    expect(result.counts).toEqual({ create: 3, update: 1, unchanged: 0, error: 2 });
    expect(result.errors).toEqual([
      { line: 4, customerId: `${p}-0003`, field: 'email', message: 'E-mail: Enter a valid email address.' },
      { line: 6, customerId: `${p}-0005`, field: 'phone', message: expect.stringMatching(/^Phone: .*phone number/) },
    ]);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: { $regex: `^${p}` } })).toBe(1);
    expect((await CustomerModel.findById(existing._id).lean())?.lastName).toBe('Old');
  });

  it('a mapping naming a column the file lacks, or without the customer ID → 400 per mapping field', async () => {
    const res = await upload('/dry-run', billingCsv('MAP', 2), { ...MAPPING, customerId: undefined, email: 'Mail' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['mapping.customerId', 'mapping.email']);
  });

  it('a customer ID twice in the file: the second row is an error naming the first line', async () => {
    const p = prefix();
    const res = await upload(
      '/dry-run',
      billingCsv(p, 3, (cells, i) => (i === 2 ? [`${p}-0001`, ...cells.slice(1)] : cells)),
    );
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('line 2') })]);
  });

  it('a quoted cell spanning lines keeps the following rows on their own line numbers', async () => {
    const p = prefix();
    const csv = billingCsv(p, 3, (cells, i) => {
      if (i === 0) cells[4] = '"12 Prairie Rd\nBack door"';
      if (i === 2) cells[2] = 'bad';
      return cells;
    });
    const res = await upload('/dry-run', csv);
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([5]);
  });
});

describe('POST /api/customers/import', () => {
  it("anonymous → 401; a customer → 404; imports land in the caller's tenant only", async () => {
    const c = await createCustomer(blue);
    const p = prefix();
    const csv = billingCsv(p, 2);
    const anon = browser(t, 'import-blue').post('/api/customers/import').attach('file', Buffer.from(csv), 'a.csv');
    expect((await anon.field('mapping', JSON.stringify(MAPPING))).status).toBe(401);
    const cust = await signInAsCustomer(t, t.client('import-blue'), blue, c);
    expect((await upload('', csv, MAPPING, cust)).status).toBe(404);
    const greenStaff = await signInAsStaff(t, t.client('import-green'), green);
    expect((await upload('', csv, MAPPING, greenStaff)).status).toBe(200);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: { $regex: `^${p}` } })).toBe(0);
    expect(await CustomerModel.countDocuments({ tenantId: green._id, customerId: { $regex: `^${p}` } })).toBe(2);
  });

  it('500 customers with two bad rows: 498 imported, the two reported by line, in seconds', async () => {
    const p = prefix();
    const csv = billingCsv(p, 500, (cells, i) => {
      if (i === 99) cells[1] = '""';
      if (i === 399) cells[9] = 'fast';
      return cells;
    });
    const started = Date.now();
    const res = await upload('', csv);
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ create: 498, update: 0, unchanged: 0, error: 2 });
    expect(res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [101, 'firstName'],
      [401, 'uploadMbps'],
    ]);
    const stored = await CustomerModel.findOne({ tenantId: blue._id, customerId: `${p}-0002` }).lean();
    expect(stored).toMatchObject({
      firstName: 'Maria 0002',
      lastName: 'Hansen',
      primaryPhone: '+14025550002',
      serviceStatus: 'active',
      servicePlan: { planName: 'Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 },
      serviceAddress: { street: '2 Prairie Rd, Unit 2', city: 'Lincoln', postalCode: '68508' },
    });
    console.info(`import of 500 rows: ${ms} ms`);
    expect(ms).toBeLessThan(20_000);
    const audit = await AuditEntryModel.findOne({ tenantId: blue._id, action: 'customer.import' })
      .sort({ at: -1 })
      .lean();
    expect(audit?.summary).toBe('498 created, 0 updated, 0 unchanged, 2 rows with errors');
  });

  it('is idempotent by customer ID: the same file again changes nothing; an edited file updates, never duplicates', async () => {
    const p = prefix();
    const csv = billingCsv(p, 40);
    expect((await upload('', csv)).body.counts).toMatchObject({ create: 40 });
    expect((await upload('', csv)).body.counts).toEqual({ create: 0, update: 0, unchanged: 40, error: 0 });
    const edited = billingCsv(p, 40, (cells, i) => {
      if (i < 5) cells[7] = 'Max';
      return cells;
    });
    const started = Date.now();
    expect((await upload('', edited)).body.counts).toEqual({ create: 0, update: 5, unchanged: 35, error: 0 });
    console.info(`re-import of 40 rows with 5 updates: ${Date.now() - started} ms`);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: { $regex: `^${p}` } })).toBe(40);
    expect(
      (await CustomerModel.findOne({ tenantId: blue._id, customerId: `${p}-0001` }).lean())?.servicePlan?.planName,
    ).toBe('Max');
  });

  it('an empty cell keeps what is stored', async () => {
    const p = prefix();
    await upload('', billingCsv(p, 1));
    const res = await upload(
      '',
      billingCsv(p, 1, (cells) => [cells[0]!, cells[1]!, '', ...cells.slice(3)]),
    );
    expect(res.body.counts.unchanged).toBe(1);
    expect((await CustomerModel.findOne({ tenantId: blue._id, customerId: `${p}-0001` }).lean())?.email).toContain('@');
  });

  it('two imports of the same file at once create each customer exactly once', async () => {
    const p = prefix();
    const csv = billingCsv(p, 60);
    const [a, b] = await Promise.all([upload('', csv), upload('', csv)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.counts.create + b.body.counts.create).toBe(60);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: { $regex: `^${p}` } })).toBe(60);
  });

  it('an update keeps everything the file does not carry: the portal account, equipment, the record itself', async () => {
    const p = prefix();
    const existing = await createCustomer(blue, {
      customerId: `${p}-0001`,
      portalAccess: { enabled: true, firebaseUid: `uid-${p}`, accountStatus: 'active', lastLoginAt: new Date() },
    });
    const res = await upload('', billingCsv(p, 1));
    expect(res.body.counts).toEqual({ create: 0, update: 1, unchanged: 0, error: 0 });
    const after = await CustomerModel.findById(existing._id).lean();
    expect(after).toMatchObject({
      tenantId: blue._id,
      firstName: 'Maria 0001',
      portalAccess: { firebaseUid: `uid-${p}`, accountStatus: 'active' },
      equipment: [expect.objectContaining({ model: 'LiteBeam 5AC' })],
      createdAt: existing.createdAt,
    });
  });

  it('two imports of an edited file at once update each customer once and duplicate none', async () => {
    const p = prefix();
    await upload('', billingCsv(p, 60));
    const edited = billingCsv(p, 60, (cells) => {
      cells[7] = 'Max';
      return cells;
    });
    const [a, b] = await Promise.all([upload('', edited), upload('', edited)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const stored = await CustomerModel.find({ tenantId: blue._id, customerId: { $regex: `^${p}` } }).lean();
    expect(stored).toHaveLength(60);
    expect(new Set(stored.map((c) => c.servicePlan?.planName))).toEqual(new Set(['Max']));
  });
});
