import type { TFaqArticle, TFaqArticleInput, TFaqKind, TFaqList, TFaqQuery } from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { requireAccess, type AccessContext } from '../../platform/access/access.ts';
import { escapeRegex } from '../../platform/util/escape-regex.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../../platform/db/mongo.ts';
import { isFeatureEnabled } from '../../platform/access/features.ts';
import { FaqArticleModel, type TFaqArticleDoc } from './faq-article.model.ts';
import { toFaqArticle, toFaqEntrySummary } from './faq.views.ts';
import { renderArticleHtml } from './markdown.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { staffActorOfContext } from '../incidents/incident-actor.ts';

/** FAQ entries need enableFAQ, knowledge-base articles enableKnowledgeBase. */
function enabledKinds(tenant: TTenantDoc): TFaqKind[] {
  const kinds: TFaqKind[] = [];
  if (isFeatureEnabled(tenant, 'enableFAQ')) kinds.push('faq');
  if (isFeatureEnabled(tenant, 'enableKnowledgeBase')) kinds.push('article');
  return kinds;
}

const MAX_SEARCH_WORDS = 8;

/**
 * Published entries of the enabled kinds, grouped by category. With `q`, every word must appear in the
 * title or body (case-insensitive, matched literally); entries whose title holds more of the words
 * come first.
 */
export async function listFaq(tenant: TTenantDoc, query: TFaqQuery): Promise<TFaqList> {
  const kinds = enabledKinds(tenant);
  const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  const patterns = words.map((w) => escapeRegex(w));
  const docs = await FaqArticleModel.find({
    tenantId: tenant._id,
    published: true,
    kind: { $in: kinds },
    ...(query.category ? { category: query.category } : {}),
    ...(patterns.length
      ? {
          $and: patterns.map((p) => ({
            $or: [{ title: { $regex: p, $options: 'i' } }, { bodyMarkdown: { $regex: p, $options: 'i' } }],
          })),
        }
      : {}),
  }).lean<TFaqArticleDoc[]>();

  const lowerWords = words.map((w) => w.toLowerCase());
  const titleHits = (d: TFaqArticleDoc) => lowerWords.filter((w) => d.title.toLowerCase().includes(w)).length;
  const ranked = docs
    .map((d) => ({ d, hits: titleHits(d) }))
    .sort(
      (a, b) =>
        b.hits - a.hits ||
        (patterns.length ? 0 : a.d.category.localeCompare(b.d.category)) ||
        (a.d.order ?? 0) - (b.d.order ?? 0) ||
        a.d.title.localeCompare(b.d.title),
    )
    .map((r) => r.d);

  const groups = new Map<string, TFaqArticleDoc[]>();
  for (const d of ranked) groups.set(d.category, [...(groups.get(d.category) ?? []), d]);
  return {
    query: words.length ? words.join(' ') : null,
    categories: [...groups].map(([category, entries]) => ({ category, entries: entries.map(toFaqEntrySummary) })),
    total: ranked.length,
  };
}

export async function getFaqArticle(tenant: TTenantDoc, slug: string): Promise<TFaqArticle> {
  const doc = await FaqArticleModel.findOne({
    tenantId: tenant._id,
    slug,
    published: true,
    kind: { $in: enabledKinds(tenant) },
  }).lean<TFaqArticleDoc>();
  if (!doc) throw AppError.notFound();
  return toFaqArticle(doc);
}

/** Staff see drafts too, so they can review them before publishing. */
export async function listFaqForStaff(ctx: AccessContext) {
  await requireAccess(ctx, 'faq.list');
  const { tenant } = ctx;
  const docs = await FaqArticleModel.find({ tenantId: tenant._id })
    .sort({ category: 1, order: 1, title: 1 })
    .limit(500)
    .lean<TFaqArticleDoc[]>();
  return docs.map((d) => ({ ...toFaqEntrySummary(d), published: d.published, order: d.order ?? 0 }));
}

export async function createFaqArticle(ctx: AccessContext, input: TFaqArticleInput) {
  await requireAccess(ctx, 'faq.create');
  const { tenant } = ctx;
  try {
    const doc = await FaqArticleModel.create({ tenantId: tenant._id, ...input });
    await recordAudit(staffActorOfContext(ctx), 'faq.create', { kind: 'faq', id: doc.slug, label: doc.title });
    return { ...toFaqArticle(doc.toObject() as TFaqArticleDoc), published: doc.published };
  } catch (err) {
    if (isDuplicateKeyError(err)) throw AppError.validation({ slug: 'Another article already uses this address' });
    throw err;
  }
}

export async function updateFaqArticle(ctx: AccessContext, slug: string, input: TFaqArticleInput) {
  await requireAccess(ctx, 'faq.update');
  const { tenant } = ctx;
  const existing = await FaqArticleModel.findOne({ tenantId: tenant._id, slug }).lean<TFaqArticleDoc>();
  if (!existing) throw AppError.notFound();
  try {
    await FaqArticleModel.updateOne({ _id: existing._id, tenantId: tenant._id }, { $set: input });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw AppError.validation({ slug: 'Another article already uses this address' });
    throw err;
  }
  const doc = (await FaqArticleModel.findById(existing._id).lean<TFaqArticleDoc>())!;
  await recordAudit(
    staffActorOfContext(ctx),
    'faq.update',
    { kind: 'faq', id: doc.slug, label: doc.title },
    existing.published === doc.published ? undefined : doc.published ? 'published' : 'unpublished',
  );
  return { ...toFaqArticle(doc), published: doc.published };
}

/** Staff open an article in the editor: drafts too, with its Markdown. */
export async function getFaqArticleForStaff(ctx: AccessContext, slug: string) {
  await requireAccess(ctx, 'faq.read');
  const doc = await FaqArticleModel.findOne({ tenantId: ctx.tenant._id, slug }).lean<TFaqArticleDoc>();
  if (!doc) throw AppError.notFound();
  return {
    ...toFaqArticle(doc),
    published: doc.published,
    order: doc.order ?? 0,
    bodyMarkdown: doc.bodyMarkdown ?? '',
  };
}

/** The editor's preview: the very renderer and sanitiser the portal's article page uses. */
export async function previewFaqMarkdown(ctx: AccessContext, bodyMarkdown: string): Promise<{ html: string }> {
  await requireAccess(ctx, 'faq.preview');
  return { html: renderArticleHtml(bodyMarkdown) };
}

/** Deletes an article of the tenant. Answers the same whether or not it existed (like the desk's deletes). */
export async function deleteFaqArticle(ctx: AccessContext, slug: string): Promise<{ deleted: true }> {
  await requireAccess(ctx, 'faq.delete');
  const { tenant } = ctx;
  const existing = await FaqArticleModel.findOne({ tenantId: tenant._id, slug }).lean<TFaqArticleDoc>();
  if (!existing) return { deleted: true };
  await FaqArticleModel.deleteOne({ _id: existing._id, tenantId: tenant._id });
  await recordAudit(staffActorOfContext(ctx), 'faq.delete', { kind: 'faq', id: existing.slug, label: existing.title });
  return { deleted: true };
}
