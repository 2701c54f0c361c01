import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { TicketAttachmentModel } from '../tickets/ticket.model.ts';
import { customerPath, pngBytes } from '../tickets/ticket-test-kit.ts';
import { fileStorageFor } from './file-storage.ts';
import { ORPHAN_GRACE_MS, sweepOrphanedFiles } from './orphan-sweep.ts';

let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;
useTestApp((app) => (t = app));
beforeAll(async () => {
  blue = await createTenant({ slug: 'sweep-blue' });
  alice = await createCustomer(blue);
});

const later = () => new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);

describe('the orphaned-file sweep', () => {
  it("keeps a ticket's files and thumbnails; removes files nothing refers to once older than the grace", async () => {
    const storage = fileStorageFor(t.config);
    const agent = await signInAsCustomer(t, t.client('sweep-blue'), blue, alice);
    const created = await agent
      .post(customerPath(alice))
      .field('title', 'Dish photo')
      .field('description', 'The dish moved in the storm last night.')
      .field('category', 'equipment-failure')
      .attach('files', await pngBytes(), 'dish.png')
      .expect(201);
    const [attachment] = created.body.ticket.attachments as { id: string }[];
    const row = await TicketAttachmentModel.findById(attachment!.id).lean();
    // An upload cut off after its files were written: bytes in the store, no row.
    const orphan = await storage.put(Buffer.from('half an upload'));

    // Younger than the grace: an upload may still be under way, so nothing is touched.
    expect(await sweepOrphanedFiles(storage)).toEqual({ rows: 0, files: 0 });
    expect(await storage.get(orphan)).toBeDefined();

    expect(await sweepOrphanedFiles(storage, { now: later() })).toEqual({ rows: 0, files: 1 });
    expect(await storage.get(orphan)).toBeUndefined();
    expect(await storage.get(row!.storageKey)).toBeDefined();
    expect(await storage.get(row!.thumbnailKey!)).toBeDefined();
    await agent.get(customerPath(alice, `/${created.body.ticket.id}/attachments/${attachment!.id}`)).expect(200);
  });

  it('removes attachment rows (and their files) of a ticket that was never inserted (the process died in between)', async () => {
    const storage = fileStorageFor(t.config);
    const key = await storage.put(Buffer.from('recorded, but the ticket never came'));
    await TicketAttachmentModel.create({
      tenantId: blue._id,
      workOrderId: new Types.ObjectId(),
      visibility: 'public',
      uploadedByType: 'customer',
      storageKey: key,
      fileName: 'photo.png',
      contentType: 'image/png',
      size: 10,
      inline: true,
    });
    expect(await sweepOrphanedFiles(storage, { now: later() })).toEqual({ rows: 1, files: 1 });
    expect(await TicketAttachmentModel.countDocuments({ storageKey: key })).toBe(0);
    expect(await storage.get(key)).toBeUndefined();
  });
});
