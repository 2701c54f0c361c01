import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startFerretDb, startRedis } from '../../../../tools/stack/services.ts';
import { startBackendProcess, type BackendProcess } from '../../../test/backend-process.ts';
import { startMailCatcher, type MailCatcher } from '../../../test/mail-catcher.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import type { TestApp } from '../../../test/harness.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { DATABASE_TIMEOUTS } from '../db/mongo.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { TicketAttachmentModel, TicketModel } from '../../tickets/ticket.model.ts';
import { aTicket, customerPath, openCustomerStream, pngBytes } from '../../tickets/ticket-test-kit.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { startSession } from '../auth/session.service.ts';

/**
 * Faults, each with two real backend processes (`server.ts`) on a database, a Redis and an SMTP server
 * of this file's own, so stopping them disturbs no other suite. Figures are printed for the README.
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const dataDir = path.join(ROOT, '.data', `fault-ferretdb-${randomBytes(4).toString('hex')}`);
const uploadDir = path.join(ROOT, '.data', `fault-uploads-${randomBytes(4).toString('hex')}`);
let dbPort: number;
let ferret: Awaited<ReturnType<typeof startFerretDb>>;
let redisPort: number;
let redis: Awaited<ReturnType<typeof startRedis>>;
let mail: MailCatcher;
let p1: BackendProcess;
let p2: BackendProcess;
let blue: TTenantDoc;
let alice: TCustomerDoc;
const policy = { config: { SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 12 } } as TestApp;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  [dbPort, redisPort] = await Promise.all([freePort(), freePort()]);
  [ferret, redis, mail] = await Promise.all([
    startFerretDb({ port: dbPort, dataDir, quiet: true }),
    startRedis({ port: redisPort, quiet: true }),
    startMailCatcher(),
  ]);
  const uri = `mongodb://127.0.0.1:${dbPort}/faults`;
  await mongoose.connect(uri, DATABASE_TIMEOUTS);
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const env = { MONGODB_URI: uri, SMTP_URL: mail.url, UPLOAD_DIR: uploadDir, REDIS_URL: redis.url };
  [p1, p2] = await Promise.all([startBackendProcess(env), startBackendProcess(env)]);
  blue = await createTenant({ slug: 'fault-blue' });
  alice = await createCustomer(blue);
}, 120_000);

afterAll(async () => {
  console.log(`fault figures: ${JSON.stringify(figures)}`);
  await Promise.all([p1?.stop('SIGKILL'), p2?.stop('SIGKILL')]);
  await mongoose.disconnect().catch(() => undefined);
  await Promise.all([ferret?.stop(), redis?.stop(), mail?.close()]);
  await rm(dataDir, { recursive: true, force: true });
  await rm(uploadDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the database stopped mid-traffic', () => {
  it('answers 503 in the error envelope within 2 s, recovers by itself, and every 201 ticket is there', async () => {
    const agents = [
      await signInAsCustomer(policy, p1.client('fault-blue'), blue, alice),
      await signInAsCustomer(policy, p2.client('fault-blue'), blue, alice),
    ];
    const created: string[] = [];
    const answers: { at: number; status: number; ms: number; code?: string }[] = [];
    let stopAt = 0;
    let restartAt = 0;
    let recoveredAt = 0;
    let n = 0;
    const send = async () => {
      const started = Date.now();
      const res = await agents[n++ % 2]!.post(customerPath(alice)).send(aTicket({ title: `Fault ticket ${n}` }));
      answers.push({ at: started, status: res.status, ms: Date.now() - started, code: res.body?.error?.code });
      if (res.status === 201) created.push(res.body.ticket.id as string);
      return res.status;
    };
    for (let i = 0; i < 4; i++) expect(await send()).toBe(201);
    await ferret.stop();
    stopAt = Date.now();
    while (Date.now() - stopAt < 3_000) await Promise.all([send(), send()]);
    ferret = await startFerretDb({ port: dbPort, dataDir, quiet: true });
    restartAt = Date.now();
    for (let ok = 0; ok < 2 && Date.now() - restartAt < 20_000;) {
      if ((await send()) === 201) ok++;
      else ok = 0;
      if (ok === 2) recoveredAt = Date.now();
      await sleep(100);
    }
    const during = answers.filter((a) => a.at >= stopAt && a.at < restartAt);
    const first503 = during.find((a) => a.status === 503);
    figures.database = {
      requestsWhileDown: during.length,
      statusesWhileDown: [...new Set(during.map((a) => a.status))],
      slowestAnswerWhileDownMs: Math.max(...during.map((a) => a.ms)),
      timeToFirst503Ms: first503 ? first503.at + first503.ms - stopAt : undefined,
      timeToRecoverAfterRestartMs: recoveredAt - restartAt,
      acknowledged: created.length,
    };
    expect(first503).toBeDefined();
    for (const a of during) {
      expect(a.ms).toBeLessThan(2_000);
      if (a.status !== 201) expect([a.status, a.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    }
    expect(recoveredAt).toBeGreaterThan(0);
    const stored = await TicketModel.countDocuments({ _id: { $in: created } });
    figures.database = { ...(figures.database as object), presentAfter: stored };
    expect(stored).toBe(created.length);
  });
});

describe('SMTP down for a while', () => {
  it('mails wait in the outbox and all go out once, none twice, when it returns', async () => {
    const c = await createCustomer(blue);
    const agent = await signInAsCustomer(policy, p1.client('fault-blue'), blue, c);
    mail.refuse();
    for (let i = 0; i < 3; i++)
      await agent
        .post(customerPath(c))
        .send(aTicket({ title: `Mail ${i}` }))
        .expect(201);
    const queued = () => OutboxMessageModel.find({ to: c.email }).lean();
    const deadline = Date.now() + 10_000;
    while ((await queued()).filter((m) => m.attempts > 0).length < 3 && Date.now() < deadline) await sleep(200);
    expect((await queued()).every((m) => m.status === 'pending' && m.attempts >= 1)).toBe(true);
    const downFor = Date.now();
    mail.accept();
    const got = () => mail.messages.filter((m) => m.to && JSON.stringify(m.to).includes(c.email!));
    const until = Date.now() + 20_000;
    while (got().length < 3 && Date.now() < until) await sleep(200);
    await sleep(2_500);
    const ids = got().map((m) => m.headers.get('x-outbox-id'));
    figures.smtp = {
      queued: 3,
      delivered: got().length,
      distinct: new Set(ids).size,
      deliveredAfterMs: Date.now() - downFor,
    };
    expect(got()).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect((await queued()).every((m) => m.status === 'sent')).toBe(true);
  });
});

describe('Redis stopped', () => {
  it('the API keeps working, streams end with a retry hint, and live updates resume (with what was missed) when it returns', async () => {
    const c = await createCustomer(blue);
    const portal = await signInAsCustomer(policy, p1.client('fault-blue'), blue, c);
    const ticket = (await portal.post(customerPath(c)).send(aTicket()).expect(201)).body.ticket as { id: string };
    const staff = await signInAsStaff(policy, p2.client('fault-blue'), blue);
    const stream = await openCustomerStream(policy, blue, c, { baseUrl: p1.baseUrl });
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Before the blip.' }).expect(201);
    await stream.waitFor((e) => e.event === 'ticket.message');
    const lastId = stream.lastEventId?.();
    await redis.stop();
    const stoppedAt = Date.now();
    await Promise.race([stream.ended, sleep(5_000)]);
    expect(stream.raw()).toMatch(/retry: \d+\n\n$/);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'During the blip.' }).expect(201);
    await portal.get(customerPath(c)).expect(200);
    const ready = await p1.client(null).get('/api/health/ready');
    expect([ready.status, ready.body.checks.redis]).toEqual([503, 'unreachable']);
    redis = await startRedis({ port: redisPort, quiet: true });
    const restartedAt = Date.now();
    while ((await p1.client(null).get('/api/health/ready')).status !== 200) await sleep(100);
    const readyAfterMs = Date.now() - restartedAt;
    const back = await openCustomerStream(policy, blue, c, { baseUrl: p1.baseUrl, lastEventId: lastId });
    try {
      await back.waitFor((e) => e.event === 'ticket.message' && JSON.stringify(e.data).includes('During the blip.'));
      await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'After the blip.' }).expect(201);
      await back.waitFor((e) => e.event === 'ticket.message' && JSON.stringify(e.data).includes('After the blip.'));
    } finally {
      back.close();
    }
    figures.redis = { streamEndedAfterMs: Date.now() - stoppedAt, readyAfterRestartMs: readyAfterMs };
  });
});

describe('a backend killed during an upload', () => {
  it('leaves no ticket without its files and, after the sweep, no file without its ticket', async () => {
    const c = await createCustomer(blue);
    const ticketsBefore = await TicketModel.countDocuments({ customerId: c.customerId });
    const { token } = await startSession(
      { kind: 'customer', tenantId: String(blue._id), uid: `uid-${c.customerId}`, customerId: c.customerId },
      { idleMinutes: 30, absoluteHours: 12 },
    );
    const victim = await startBackendProcess({
      MONGODB_URI: `mongodb://127.0.0.1:${dbPort}/faults`,
      SMTP_URL: mail.url,
      UPLOAD_DIR: uploadDir,
      REDIS_URL: redis.url,
    });
    const boundary = 'faultboundary42';
    const png = await pngBytes(400, 300);
    const head = Buffer.from(
      ['title', 'description', 'category']
        .map((f) => {
          const v = { title: 'Half an upload', description: 'The dish is down again.', category: 'equipment-failure' }[
            f
          ];
          return `--${boundary}\r\nContent-Disposition: form-data; name="${f}"\r\n\r\n${v}\r\n`;
        })
        .join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="dish.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const req = http.request(`${victim.baseUrl}${customerPath(c)}`, {
      method: 'POST',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + png.length + boundary.length + 8),
        Cookie: `${SESSION_COOKIE}=${token}; wisp_csrf=x`,
        'X-CSRF-Token': 'x',
        'X-Forwarded-Host': 'fault-blue.localhost',
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(png.subarray(0, 1000));
    await sleep(300);
    expect(await victim.stop('SIGKILL')).toBe(null);
    expect(await TicketModel.countDocuments({ customerId: c.customerId })).toBe(ticketsBefore);
    const { sweepOrphanedFiles } = await import('../../storage/orphan-sweep.ts');
    const { localFileStorage } = await import('../../storage/file-storage.ts');
    const swept = await sweepOrphanedFiles(localFileStorage(uploadDir), { now: new Date(Date.now() + 2 * 3600_000) });
    const attachments = await TicketAttachmentModel.find({}, { workOrderId: 1, storageKey: 1 }).lean();
    const ticketIds = new Set((await TicketModel.find({}, { _id: 1 }).lean()).map((x) => String(x._id)));
    expect(attachments.every((a) => ticketIds.has(String(a.workOrderId)))).toBe(true);
    const referenced = new Set(attachments.map((a) => a.storageKey));
    const stored: string[] = [];
    for await (const { key } of localFileStorage(uploadDir).list()) stored.push(key);
    const unreferenced = stored.filter((k) => !referenced.has(k) && !k.startsWith('thumb'));
    figures.killedUpload = { ticketsAfter: ticketsBefore, swept, filesStored: stored.length };
    const thumbs = new Set(
      (await TicketAttachmentModel.find({}, { thumbnailKey: 1 }).lean()).map((a) => a.thumbnailKey),
    );
    expect(unreferenced.filter((k) => !thumbs.has(k))).toEqual([]);
  });
});
