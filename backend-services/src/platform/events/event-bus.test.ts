import { describe, expect, it } from 'vitest';
import { channels, inProcessEventBus } from './event-bus.ts';

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('the in-process event bus', () => {
  it("delivers to the channel's subscribers only: one customer never hears another's events", async () => {
    const bus = inProcessEventBus();
    const alice: unknown[] = [];
    const bob: unknown[] = [];
    bus.subscribe(channels.customer('t1', 'alice'), (e) => alice.push(e));
    bus.subscribe(channels.customer('t1', 'bob'), (e) => bob.push(e));
    await bus.publish(channels.customer('t1', 'alice'), { type: 'ticket.status' });
    await tick();
    expect(alice).toEqual([{ type: 'ticket.status' }]);
    expect(bob).toEqual([]);
  });

  it('names tenant and customer channels so that tenants never share one', () => {
    expect(channels.tenant('t1')).toBe('tenant:t1');
    expect(channels.customer('t1', 'c9')).toBe('tenant:t1:customer:c9');
    expect(channels.customer('t1', 'c9')).not.toBe(channels.customer('t2', 'c9'));
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = inProcessEventBus();
    const got: unknown[] = [];
    const off = bus.subscribe(channels.tenant('t1'), (e) => got.push(e));
    await bus.publish(channels.tenant('t1'), { type: 'a' });
    off();
    await bus.publish(channels.tenant('t1'), { type: 'b' });
    await tick();
    expect(got).toEqual([{ type: 'a' }]);
  });

  it('carries events as JSON, as a transport between processes would: a Date arrives as its ISO text', async () => {
    const bus = inProcessEventBus();
    const got: unknown[] = [];
    bus.subscribe(channels.tenant('t1'), (e) => got.push(e));
    const at = new Date('2026-01-02T03:04:05.000Z');
    await bus.publish(channels.tenant('t1'), { type: 'x', at } as { type: string });
    await tick();
    expect(got).toEqual([{ type: 'x', at: '2026-01-02T03:04:05.000Z' }]);
  });

  it('answers publish without waiting for slow subscribers to finish, and hands each its own copy', async () => {
    const bus = inProcessEventBus();
    const seen: { type: string; n?: number }[] = [];
    bus.subscribe<{ type: string; n?: number }>(channels.tenant('t1'), (e) => {
      e.n = 1;
      seen.push(e);
    });
    bus.subscribe<{ type: string; n?: number }>(channels.tenant('t1'), (e) => seen.push(e));
    await bus.publish(channels.tenant('t1'), { type: 'y' });
    await tick();
    expect(seen).toEqual([{ type: 'y', n: 1 }, { type: 'y' }]);
  });
});
