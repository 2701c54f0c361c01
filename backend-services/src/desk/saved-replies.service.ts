import { Types } from 'mongoose';
import { SAVED_REPLY_VARIABLES, type TSavedReply, type TSavedReplyRequest } from '@wisp/shared';
import { can, requireAccess, type AccessContext } from '../platform/access/access.ts';
import { AppError } from '../platform/http/app-error.ts';
import { SavedReplyModel, type TSavedReplyDoc } from './desk.model.ts';

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

const toReply = (r: TSavedReplyDoc): TSavedReply => ({
  id: String(r._id),
  title: r.title,
  body: r.body,
  scope: r.scope as TSavedReply['scope'],
  setStatus: (r.setStatus ?? null) as TSavedReply['setStatus'],
  owner: r.scope === 'personal' ? r.ownerEmail : null,
  updatedAt: r.updatedAt.toISOString(),
});

const staffEmailOf = (ctx: AccessContext) => (ctx.actor?.kind === 'staff' ? ctx.actor.email : '');

/** Unknown variables in a text, in order of appearance. */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(SAVED_REPLY_VARIABLES);
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !known.has(name)))];
}

const unknownVariableError = (names: string[]) =>
  AppError.validation(
    { body: `Unknown variable${names.length > 1 ? 's' : ''}: ${names.map((n) => `{{${n}}}`).join(', ')}.` },
    'The message uses a variable that does not exist.',
  );

/**
 * Fills `{{variables}}` with the ticket's facts. A variable that does not exist is an error naming it,
 * never a blank in a message the customer reads.
 */
export function fillVariables(text: string, values: Record<(typeof SAVED_REPLY_VARIABLES)[number], string>): string {
  const unknown = unknownVariables(text);
  if (unknown.length) throw unknownVariableError(unknown);
  return text.replace(VARIABLE, (_all, name: keyof typeof values) => values[name]);
}

/** The tenant's shared replies and the caller's own, with the variables a reply may use. */
export async function listSavedReplies(ctx: AccessContext): Promise<TSavedReply[]> {
  await requireAccess(ctx, 'desk.savedReplies.read');
  const rows = await SavedReplyModel.find({
    tenantId: ctx.tenant._id,
    $or: [{ scope: 'tenant' }, { scope: 'personal', ownerEmail: staffEmailOf(ctx) }],
  })
    .sort({ title: 1 })
    .lean<TSavedReplyDoc[]>();
  return rows.map(toReply);
}

/** One reply the caller may use (a shared one, or their own), or 404. */
export async function findUsableReply(ctx: AccessContext, id: string): Promise<TSavedReplyDoc> {
  await requireAccess(ctx, 'desk.savedReplies.read');
  const reply = Types.ObjectId.isValid(id) ? await SavedReplyModel.findById(id).lean<TSavedReplyDoc>() : null;
  if (
    !reply ||
    String(reply.tenantId) !== String(ctx.tenant._id) ||
    (reply.scope === 'personal' && reply.ownerEmail !== staffEmailOf(ctx))
  )
    throw AppError.validation({ savedReplyId: 'No such saved reply.' });
  return reply;
}

/** Staff save personal replies; only admins share one with the whole tenant. */
export async function createSavedReply(ctx: AccessContext, input: TSavedReplyRequest): Promise<TSavedReply> {
  await requireAccess(ctx, 'desk.savedReplies.write');
  if (input.scope === 'tenant' && !can(ctx, 'desk.savedReplies.shared'))
    throw new AppError('FORBIDDEN', 403, 'Only admins can share a reply with the whole team.', {
      scope: 'Only admins can share replies with the team.',
    });
  const unknown = [...unknownVariables(input.title), ...unknownVariables(input.body)];
  if (unknown.length) throw unknownVariableError(unknown);
  const created = await SavedReplyModel.create({
    tenantId: ctx.tenant._id,
    scope: input.scope,
    ownerEmail: staffEmailOf(ctx),
    title: input.title,
    body: input.body,
    ...(input.setStatus ? { setStatus: input.setStatus } : {}),
  });
  return toReply(created.toObject() as TSavedReplyDoc);
}

/** Deletes the caller's own reply, or (admins) a shared one; answers the same when there was nothing to delete. */
export async function deleteSavedReply(ctx: AccessContext, id: string): Promise<void> {
  await requireAccess(ctx, 'desk.savedReplies.write');
  if (!Types.ObjectId.isValid(id)) return;
  const reply = await SavedReplyModel.findById(id).lean<TSavedReplyDoc>();
  if (!reply || String(reply.tenantId) !== String(ctx.tenant._id)) return;
  if (reply.scope === 'tenant' && !can(ctx, 'desk.savedReplies.shared'))
    throw new AppError('FORBIDDEN', 403, 'Only admins can delete a reply shared with the team.');
  // Someone else's personal reply: answered as if it did not exist.
  if (reply.scope === 'personal' && reply.ownerEmail !== staffEmailOf(ctx)) return;
  await SavedReplyModel.deleteOne({ _id: reply._id, tenantId: ctx.tenant._id });
}
