import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { CustomerModel } from '../../customers/customer.model.ts';
import { InvitationRedemptionModel } from '../../customer-auth/portal-account-claim.model.ts';
import { SignupLinkModel } from '../../customer-auth/signup-link.model.ts';
import { OutboxClaimModel, OutboxMessageModel } from '../../notifications/outbox.model.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { SessionModel } from '../auth/session.model.ts';
import { IdempotencyRecordModel } from '../http/idempotency.model.ts';
import { RateLimitHitModel } from '../rate-limit/rate-limit.model.ts';
import { sweepExpired } from './sweeps.ts';
import { declareTtlIndexes, ttlIndexes } from './ttl-indexes.ts';

let t: TestApp;
let blue: TTenantDoc;
beforeAll(async () => {
  t = await startTestApp();
  blue = await createTenant({ slug: 'sweep-blue' });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const options = { sessions: { idleMinutes: 30, absoluteHours: 12 } };
const ago = (ms: number) => new Date(Date.now() - ms);

function session(id: string, lastSeenAt: Date, absoluteExpiresAt: Date) {
  return {
    _id: id,
    tenantId: blue._id,
    actorKind: 'staff',
    uid: 'u',
    createdAt: lastSeenAt,
    lastSeenAt,
    absoluteExpiresAt,
  };
}
function email(dedupeKey: string, fields: Record<string, unknown>) {
  return {
    tenantId: blue._id,
    kind: 'test',
    dedupeKey,
    to: 'a@example.test',
    subject: 's',
    html: 'h',
    text: 't',
    nextAttemptAt: new Date(),
    ...fields,
  };
}
const idsOf = async (model: { find(): { lean(): Promise<{ _id: unknown }[]> } }) =>
  (await model.find().lean()).map((d) => String(d._id)).sort();

describe('the sweep', () => {
  it('deletes expired sessions, old limiter rows, delivered mail past 30 days, old idempotency records and spent invitations; live rows stay', async () => {
    await SessionModel.insertMany([
      session('idle-long-ago', ago(3 * HOUR), new Date(Date.now() + HOUR)),
      session('past-absolute', ago(5 * 60_000), ago(2 * HOUR)),
      session('live', ago(60_000), new Date(Date.now() + 6 * HOUR)),
    ]);
    await RateLimitHitModel.insertMany([
      { key: 'k', at: ago(2 * HOUR) },
      { key: 'k', at: ago(60_000) },
    ]);
    const [oldSent, , pendingOld] = await OutboxMessageModel.insertMany([
      email('sent-31-days-ago', { status: 'sent', sentAt: ago(31 * DAY) }),
      email('sent-yesterday', { status: 'sent', sentAt: ago(DAY) }),
      // Still being retried (the next attempt is later): never deleted, however old.
      email('pending-for-long', {
        status: 'pending',
        nextAttemptAt: new Date(Date.now() + HOUR),
        createdAt: ago(40 * DAY),
      }),
    ]);
    await OutboxClaimModel.insertMany([
      { _id: `${String(oldSent!._id)}:0`, claimedAt: ago(31 * DAY) },
      { _id: `${String(pendingOld!._id)}:3`, claimedAt: ago(HOUR) },
    ]);
    const record = (id: string, createdAt: Date) => ({
      _id: id,
      tenantId: String(blue._id),
      actor: 'a',
      key: id,
      request: 'POST /x',
      state: 'done',
      createdAt,
    });
    await IdempotencyRecordModel.insertMany([record('day-old', ago(25 * HOUR)), record('fresh', ago(HOUR))]);
    await InvitationRedemptionModel.insertMany([
      { _id: 'redeemed-8-days-ago', tenantId: blue._id, redeemedAt: ago(8 * DAY) },
      { _id: 'redeemed-today', tenantId: blue._id, redeemedAt: ago(HOUR) },
    ]);
    await SignupLinkModel.insertMany([
      {
        _id: 'link-expired',
        tenantId: String(blue._id),
        customerId: 'C1',
        email: 'a@example.test',
        createdAt: ago(DAY + HOUR),
        expiresAt: ago(HOUR),
      },
      {
        _id: 'link-live',
        tenantId: String(blue._id),
        customerId: 'C1',
        email: 'a@example.test',
        createdAt: ago(HOUR),
        expiresAt: new Date(Date.now() + HOUR),
      },
    ]);
    const expiredInvite = await createCustomer(blue, {
      portalAccess: { accessCode: 'h1', accessCodeExpires: ago(HOUR) },
    });
    const liveInvite = await createCustomer(blue, {
      portalAccess: { accessCode: 'h2', accessCodeExpires: new Date(Date.now() + DAY) },
    });

    await sweepExpired(options);

    expect(await idsOf(SessionModel)).toEqual(['live']);
    expect((await RateLimitHitModel.find().lean()).map((h) => h.at.getTime() > Date.now() - HOUR)).toEqual([true]);
    expect((await OutboxMessageModel.find().lean()).map((m) => m.dedupeKey).sort()).toEqual([
      'pending-for-long',
      'sent-yesterday',
    ]);
    expect(await idsOf(OutboxClaimModel)).toEqual([`${String(pendingOld!._id)}:3`]);
    expect(await idsOf(IdempotencyRecordModel)).toEqual(['fresh']);
    expect(await idsOf(InvitationRedemptionModel)).toEqual(['redeemed-today']);
    expect(await idsOf(SignupLinkModel)).toEqual(['link-live']);
    expect((await CustomerModel.findById(expiredInvite._id).lean())?.portalAccess?.accessCode).toBeUndefined();
    expect((await CustomerModel.findById(liveInvite._id).lean())?.portalAccess?.accessCode).toBe('h2');
  });

  it('keeps a just-expired session a little longer, so its owner is told it expired', async () => {
    await SessionModel.insertMany([session('just-idle', ago(35 * 60_000), new Date(Date.now() + HOUR))]);
    await sweepExpired(options);
    expect(await SessionModel.exists({ _id: 'just-idle' })).toBeTruthy();
  });
});

describe('TTL indexes', () => {
  it('are declared for every collection the sweep cleans; on FerretDB (which refuses them) they are skipped', async () => {
    const collections = new Set(ttlIndexes(options).map((i) => i.collection.collectionName));
    for (const model of [
      SessionModel,
      RateLimitHitModel,
      OutboxMessageModel,
      OutboxClaimModel,
      IdempotencyRecordModel,
      InvitationRedemptionModel,
      SignupLinkModel,
    ])
      expect(collections).toContain(model.collection.collectionName);
    await expect(declareTtlIndexes(options)).resolves.toBe('skipped (FerretDB)');
  });
});
