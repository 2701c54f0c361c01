import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createTenant } from '../../test/factories.ts';
import { ABANDONED_CLAIM_MS, enqueueEmail } from './outbox.service.ts';
import { OutboxClaimModel, OutboxMessageModel } from './outbox.model.ts';

let t: TestApp;
useTestApp((app) => (t = app));

const anEmail = (to: string) => ({
  kind: 'test',
  dedupeKey: `test:${to}`,
  to,
  subject: `Hello ${to}`,
  html: '<p>Hi</p>',
  text: 'Hi',
});
const idsTo = (to: string) =>
  t.mail.messages.filter((m) => m.subject === `Hello ${to}`).map((m) => String(m.headers.get('x-outbox-id') ?? ''));

describe('the outbox worker', () => {
  it('a mail whose sending process died holding its claim goes out once the claim is abandoned', async () => {
    const tenant = await createTenant({ slug: 'ob-died' });
    const to = 'died@example.test';
    // Queue with no worker awake, then claim attempt 0 as a process that died 6 minutes ago would have.
    await t.outbox.stop();
    await enqueueEmail(String(tenant._id), anEmail(to));
    const message = await OutboxMessageModel.findOne({ to }).lean();
    await OutboxClaimModel.create({
      _id: `${message!._id}:0`,
      claimedAt: new Date(Date.now() - ABANDONED_CLAIM_MS - 60_000),
    });
    const worker = await t.restartOutbox();
    await worker.drain();
    await worker.drain();
    await expect.poll(() => idsTo(to), { timeout: 10_000 }).toEqual([String(message!._id)]);
    expect(await OutboxMessageModel.findById(message!._id).lean()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a claim held by a live worker (a send in progress) is left alone: nothing goes out twice', async () => {
    const tenant = await createTenant({ slug: 'ob-live' });
    const to = 'busy@example.test';
    await t.outbox.stop();
    await enqueueEmail(String(tenant._id), anEmail(to));
    const message = await OutboxMessageModel.findOne({ to }).lean();
    await OutboxClaimModel.create({ _id: `${message!._id}:0`, claimedAt: new Date(Date.now() - 30_000) });
    const worker = await t.restartOutbox();
    await worker.drain();
    await new Promise((r) => setTimeout(r, 500));
    expect(idsTo(to)).toEqual([]);
    expect(await OutboxMessageModel.findById(message!._id).lean()).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
