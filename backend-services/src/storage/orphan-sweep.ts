import { TicketAttachmentModel, TicketModel } from '../tickets/ticket.model.ts';
import type { FileStorage } from './file-storage.ts';

/**
 * Files are written, then recorded, then their ticket is inserted (see tickets.service.ts insertTicket),
 * so a process that dies half-way leaves files or attachment rows of no ticket, never a ticket without
 * its files. An upload still under way is younger than this, so it is never touched.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/*
 * Unsafe on purpose: the store is shared by every tenant, so what refers to a file is looked up across
 * all tenants. Nothing is read back to anyone; only rows and files nothing refers to are deleted.
 */

/** Attachment rows older than the grace whose ticket does not exist (its insert never happened). */
async function unsafeDeleteAttachmentsOfNoTicket(before: Date): Promise<number> {
  const rows = await TicketAttachmentModel.find({ createdAt: { $lt: before } }, { workOrderId: 1 }).lean();
  const ticketIds = [...new Set(rows.map((r) => String(r.workOrderId)))];
  if (!ticketIds.length) return 0;
  const existing = new Set(
    (await TicketModel.find({ _id: { $in: ticketIds } }, { _id: 1 }).lean()).map((t) => String(t._id)),
  );
  const gone = rows.filter((r) => !existing.has(String(r.workOrderId))).map((r) => r._id);
  if (!gone.length) return 0;
  return (await TicketAttachmentModel.deleteMany({ _id: { $in: gone } })).deletedCount;
}

async function unsafeReferencedKeys(): Promise<Set<string>> {
  const rows = await TicketAttachmentModel.find({}, { storageKey: 1, thumbnailKey: 1 }).lean();
  return new Set(rows.flatMap((r) => [r.storageKey, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]));
}

/**
 * One pass: first the attachment rows of tickets that never came to be, then every stored file older
 * than the grace that no attachment row names. Two processes sweeping at once is harmless.
 */
export async function sweepOrphanedFiles(
  storage: FileStorage,
  opts: { graceMs?: number; now?: Date } = {},
): Promise<{ rows: number; files: number }> {
  const before = new Date((opts.now ?? new Date()).getTime() - (opts.graceMs ?? ORPHAN_GRACE_MS));
  const rows = await unsafeDeleteAttachmentsOfNoTicket(before);
  const referenced = await unsafeReferencedKeys();
  let files = 0;
  for await (const { key, storedAt } of storage.list()) {
    if (storedAt >= before || referenced.has(key)) continue;
    // Read the references again just before deleting: an upload may have recorded it meanwhile.
    if (await TicketAttachmentModel.exists({ $or: [{ storageKey: key }, { thumbnailKey: key }] })) continue;
    await storage.delete(key);
    files++;
  }
  return { rows, files };
}
