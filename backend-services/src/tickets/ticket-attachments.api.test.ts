import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { localFileStorage } from '../storage/file-storage.ts';
import { TicketAttachmentModel, TicketMessageModel, WorkOrderModel } from './work-order.model.ts';
import { customerPath, jpegWithGps, openTicketAs, pngBytes } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;

beforeAll(async () => {
  t = await startTestApp({ UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_FILES: '3' });
  blue = await createTenant({ slug: 'att-blue' });
  alice = await createCustomer(blue);
});
afterAll(() => t.close());

const storedFileCount = async () => {
  const dir = path.resolve(t.config.UPLOAD_DIR);
  try {
    const shards = await readdir(dir);
    let n = 0;
    for (const s of shards) n += (await readdir(path.join(dir, s))).length;
    return n;
  } catch {
    return 0;
  }
};

function createWithFiles(agent: Awaited<ReturnType<typeof signInAsCustomer>>, files: [Buffer, string][]) {
  let req = agent
    .post(customerPath(alice))
    .field('title', 'Photo of the problem')
    .field('description', 'See the attached files, please.')
    .field('category', 'equipment-failure');
  for (const [data, name] of files) req = req.attach('files', data, name);
  return req;
}

describe('file content decides the type', () => {
  it('rejects a .png whose content is HTML, naming the file and reason, and leaves no ticket or file behind', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const ticketsBefore = await WorkOrderModel.countDocuments({});
    const filesBefore = await storedFileCount();
    const res = await createWithFiles(agent, [
      [await pngBytes(), 'good.png'],
      [Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'cute-cat.png'],
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('UNSUPPORTED_FILE');
    expect(res.body.error.fields['files.1']).toMatch(/^cute-cat\.png: /);
    expect(res.body.error.fields['files.0']).toBeUndefined();
    expect(await WorkOrderModel.countDocuments({})).toBe(ticketsBefore);
    expect(await TicketAttachmentModel.countDocuments({})).toBe(0);
    expect(await storedFileCount()).toBe(filesBefore);
  });

  it('rejects an SVG (even named .jpg)', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
    );
    const res = await createWithFiles(agent, [[svg, 'photo.jpg']]);
    expect(res.status).toBe(400);
    expect(res.body.error.fields['files.0']).toContain('photo.jpg');
  });

  it('rejects an executable and a ZIP', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const zip = Buffer.from('504b0304140000000800', 'hex');
    const res = await createWithFiles(agent, [
      [exe, 'setup.pdf'],
      [zip, 'notes.txt'],
    ]);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['files.0', 'files.1']);
  });

  it('rejects a comment whose file is refused, without adding the comment', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const ticket = await openTicketAs(agent, alice);
    const res = await agent
      .post(customerPath(alice, `/${ticket.id}/comments`))
      .field('body', 'Here is a file')
      .attach('files', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg');
    expect(res.status).toBe(400);
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id })).toBe(0);
  });

  it('accepts PDF and plain UTF-8 text, downloads them as attachments with the detected type', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await createWithFiles(agent, [
      [pdf, 'invoice.pdf'],
      [Buffer.from('ping 8.8.8.8: 40% loss — señal débil\n'), 'ping.log'],
    ]);
    expect(res.status).toBe(201);
    const [pdfFile, textFile] = res.body.ticket.attachments;
    expect(pdfFile).toMatchObject({
      fileName: 'invoice.pdf',
      contentType: 'application/pdf',
      inline: false,
      hasThumbnail: false,
    });
    expect(textFile).toMatchObject({
      fileName: 'ping.log.txt',
      contentType: 'text/plain; charset=utf-8',
      inline: false,
    });
    const dl = await agent.get(customerPath(alice, `/${res.body.ticket.id}/attachments/${pdfFile.id}`));
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="invoice\.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toContain('sandbox');
  });

  it('rejects text with NUL bytes or invalid UTF-8', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const res = await createWithFiles(agent, [
      [Buffer.from('abc\0def'), 'a.txt'],
      [Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'b.txt'],
    ]);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['files.0', 'files.1']);
  });

  it('enforces the per-file size and file-count limits', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const big = await createWithFiles(agent, [
      [Buffer.concat([await pngBytes(), Buffer.alloc(1024 * 1024 + 10)]), 'big.png'],
    ]);
    expect(big.status).toBe(413);
    const many = await createWithFiles(
      agent,
      await Promise.all([1, 2, 3, 4].map(async (i) => [await pngBytes(), `p${i}.png`] as [Buffer, string])),
    );
    expect(many.status).toBe(400);
    expect(many.body.error.fields.files).toBeTruthy();
  });
});

describe('a file over the size limit', () => {
  it('an 11 MB photo → 413 whose field error names the file and the limit', async () => {
    const tenMb = await t.anotherInstance({ UPLOAD_MAX_FILE_MB: 10 });
    const agent = await signInAsCustomer(t, tenMb.client('att-blue'), blue, alice);
    const res = await createWithFiles(agent, [
      [await pngBytes(), 'fine.png'],
      [Buffer.concat([await jpegWithGps(), Buffer.alloc(11 * 1024 * 1024)]), 'holiday.jpg'],
    ]);
    expect(res.status).toBe(413);
    expect(res.body.error.fields).toEqual({ 'files.1': 'holiday.jpg is too large (max 10 MB).' });
  });
});

describe('images are re-encoded', () => {
  it('removes EXIF (GPS included) from a JPEG and makes a WebP thumbnail no wider than 320 px', async () => {
    const original = await jpegWithGps();
    const originalExif = (await sharp(original).metadata()).exif!;
    // The fixture really carries a GPS IFD pointer (tag 0x8825, little-endian), so its absence later means something.
    expect(originalExif.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const res = await createWithFiles(agent, [[original, 'IMG_0001.JPG']]);
    expect(res.status).toBe(201);
    const file = res.body.ticket.attachments[0];
    expect(file).toMatchObject({ contentType: 'image/jpeg', inline: true, hasThumbnail: true });

    const stored = await TicketAttachmentModel.findById(file.id).lean();
    const bytes = (await localFileStorage(t.config.UPLOAD_DIR).get(stored!.storageKey))!;
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect(bytes.includes(Buffer.from('PhonyPhone'))).toBe(false);

    const dl = await agent.get(customerPath(alice, `/${res.body.ticket.id}/attachments/${file.id}`));
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.headers['content-disposition']).toMatch(/^inline;/);
    expect((await sharp(dl.body as Buffer).metadata()).exif).toBeUndefined();

    const thumb = await agent
      .get(customerPath(alice, `/${res.body.ticket.id}/attachments/${file.id}?thumb=1`))
      .buffer(true);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const thumbMeta = await sharp(thumb.body as Buffer).metadata();
    expect(thumbMeta.format).toBe('webp');
    expect(thumbMeta.width).toBeLessThanOrEqual(320);
  });

  it('a big image gets a 320 px thumbnail; the upload endpoint adds files to an existing ticket', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const ticket = await openTicketAs(agent, alice);
    const res = await agent
      .post(customerPath(alice, `/${ticket.id}/upload`))
      .attach('files', await pngBytes(1200, 800), 'wide.png');
    expect(res.status).toBe(201);
    const thumb = await agent
      .get(customerPath(alice, `/${ticket.id}/attachments/${res.body.attachments[0].id}?thumb=1`))
      .buffer(true);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);
    const empty = await agent.post(customerPath(alice, `/${ticket.id}/upload`)).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.files).toBeTruthy();
  });
});

describe('other accepted formats', () => {
  it('keeps a GIF as GIF (re-encoded, inline) and stores a HEIC this server cannot decode as a download only', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00ff00' } })
      .gif()
      .toBuffer();
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(64),
    ]);
    const res = await createWithFiles(agent, [
      [gif, 'anim.gif'],
      [heic, 'IMG_0002.HEIC'],
    ]);
    expect(res.status).toBe(201);
    const [gifFile, heicFile] = res.body.ticket.attachments;
    expect(gifFile).toMatchObject({ contentType: 'image/gif', inline: true, hasThumbnail: true });
    expect(heicFile).toMatchObject({
      fileName: 'IMG_0002.HEIC',
      contentType: 'image/heic',
      inline: false,
      hasThumbnail: false,
    });
    const dl = await agent.get(customerPath(alice, `/${res.body.ticket.id}/attachments/${heicFile.id}`));
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['content-type']).toBe('image/heic');
  });
});

describe('attachment downloads are authorised', () => {
  it("another customer cannot download alice's file (404) even with the right ids", async () => {
    const bob = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const res = await createWithFiles(agent, [[await pngBytes(), 'mine.png']]);
    const { id, attachments } = res.body.ticket;
    const bobAgent = await signInAsCustomer(t, t.client('att-blue'), blue, bob);
    expect((await bobAgent.get(customerPath(bob, `/${id}/attachments/${attachments[0].id}`))).status).toBe(404);
    expect((await bobAgent.get(customerPath(alice, `/${id}/attachments/${attachments[0].id}`))).status).toBe(404);
  });

  it('a file attached to an internal note is visible to staff but 404 for the customer', async () => {
    const agent = await signInAsCustomer(t, t.client('att-blue'), blue, alice);
    const staff = await signInAsStaff(t, t.client('att-blue'), blue);
    const ticket = await openTicketAs(agent, alice);
    const note = await staff
      .post(`/api/work-orders/${ticket.id}/notes`)
      .field('body', 'Tower photo')
      .attach('files', await pngBytes(), 'tower.png');
    expect(note.status).toBe(201);
    const fileId = note.body.message.attachments[0].id;
    expect((await staff.get(`/api/work-orders/${ticket.id}/attachments/${fileId}`)).status).toBe(200);
    expect((await agent.get(customerPath(alice, `/${ticket.id}/attachments/${fileId}`))).status).toBe(404);
  });
});
