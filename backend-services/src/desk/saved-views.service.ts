import { Types } from 'mongoose';
import { ZDeskQueueQuery, type TSavedView, type TSavedViewRequest } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { AppError } from '../platform/http/app-error.ts';
import { fieldErrors } from '../platform/http/validate.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { SavedViewModel, type TSavedViewDoc } from './desk.model.ts';

const MAX_VIEWS = 30;

const toView = (v: TSavedViewDoc): TSavedView => ({
  id: String(v._id),
  name: v.name,
  query: v.query ?? '',
  createdAt: v.createdAt.toISOString(),
});

const ownerOf = async (ctx: AccessContext) => {
  const { actor } = await requireAccess(ctx, 'desk.views');
  if (actor.kind !== 'staff') throw AppError.notFound();
  return actor.email;
};

export async function listSavedViews(ctx: AccessContext): Promise<TSavedView[]> {
  const owner = await ownerOf(ctx);
  const views = await SavedViewModel.find({ tenantId: ctx.tenant._id, ownerEmail: owner })
    .sort({ name: 1 })
    .lean<TSavedViewDoc[]>();
  return views.map(toView);
}

/** Saves the queue's query string under a name; the query must be one the queue accepts. */
export async function saveView(ctx: AccessContext, input: TSavedViewRequest): Promise<TSavedView> {
  const owner = await ownerOf(ctx);
  const params = new URLSearchParams(input.query.replace(/^\?/, ''));
  params.delete('page');
  const parsed = ZDeskQueueQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const [field, message] = Object.entries(fieldErrors(parsed.error))[0]!;
    throw AppError.validation({ query: `${field}: ${message}` });
  }
  const existing = await SavedViewModel.countDocuments({ tenantId: ctx.tenant._id, ownerEmail: owner });
  if (existing >= MAX_VIEWS) throw AppError.validation({ name: `You can keep up to ${MAX_VIEWS} views.` });
  try {
    const created = await SavedViewModel.create({
      tenantId: ctx.tenant._id,
      ownerEmail: owner,
      name: input.name,
      query: params.toString(),
    });
    return toView(created.toObject() as TSavedViewDoc);
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw new AppError('CONFLICT', 409, 'You already have a view with this name.', { name: 'Already used.' });
    throw err;
  }
}

/** Deletes one of the caller's own views. Answers the same whether or not it existed (nothing is revealed). */
export async function deleteView(ctx: AccessContext, id: string): Promise<void> {
  const owner = await ownerOf(ctx);
  if (!Types.ObjectId.isValid(id)) return;
  const view = await SavedViewModel.findById(id).lean<TSavedViewDoc>();
  if (!view || String(view.tenantId) !== String(ctx.tenant._id) || view.ownerEmail !== owner) return;
  await SavedViewModel.deleteOne({ _id: view._id, tenantId: ctx.tenant._id });
}
