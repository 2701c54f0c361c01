import { z } from 'zod';
import { FAQ_KINDS, FAQ_SEARCH_MAX } from '../constants.ts';

export const ZFaqKind = z.enum(FAQ_KINDS);

/** `GET /api/customer-portal/support/faq?q=&category=`. */
export const ZFaqQuery = z.object({
  q: z.string().trim().max(FAQ_SEARCH_MAX, `Search for at most ${FAQ_SEARCH_MAX} characters`).optional(),
  category: z.string().trim().max(80).optional(),
});
export type TFaqQuery = z.infer<typeof ZFaqQuery>;

export const ZFaqEntrySummary = z.object({
  slug: z.string(),
  kind: ZFaqKind,
  category: z.string(),
  title: z.string(),
  /** Plain-text start of the body, for the list. */
  excerpt: z.string(),
  updatedAt: z.string(),
});
export type TFaqEntrySummary = z.infer<typeof ZFaqEntrySummary>;

/** Categories in first-seen order of the ranked results; with `q`, title matches come first. */
export const ZFaqList = z.object({
  query: z.string().nullable(),
  categories: z.array(z.object({ category: z.string(), entries: z.array(ZFaqEntrySummary) })),
  total: z.number(),
});
export type TFaqList = z.infer<typeof ZFaqList>;

/** One entry with its Markdown body rendered to sanitised HTML. */
export const ZFaqArticle = ZFaqEntrySummary.omit({ excerpt: true }).extend({ html: z.string() });
export type TFaqArticle = z.infer<typeof ZFaqArticle>;

export const ZFaqSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and hyphens');

/** Staff: `POST /api/support/faq` and `PUT /api/support/faq/:slug`. */
export const ZFaqArticleInput = z.object({
  kind: ZFaqKind.default('faq'),
  category: z.string().trim().min(1).max(80),
  title: z.string().trim().min(3).max(200),
  slug: ZFaqSlug,
  bodyMarkdown: z.string().max(50_000),
  published: z.boolean().default(false),
  order: z.number().int().min(0).max(10_000).default(0),
});
export type TFaqArticleInput = z.infer<typeof ZFaqArticleInput>;

/** Staff: `GET /api/support/faq` lists drafts too. */
export const ZStaffFaqEntry = ZFaqEntrySummary.extend({ published: z.boolean(), order: z.number().int() });
export const ZStaffFaqList = z.object({ articles: z.array(ZStaffFaqEntry) });
/** Staff: `POST /api/support/faq` and `PUT /api/support/faq/:slug`. */
export const ZStaffFaqArticleResponse = z.object({ article: ZFaqArticle.extend({ published: z.boolean() }) });

/** Staff: `GET /api/support/faq/:slug`: the article as the editor loads it (Markdown and rendered HTML). */
export const ZStaffFaqArticleDetail = z.object({
  article: ZFaqArticle.extend({ published: z.boolean(), order: z.number().int(), bodyMarkdown: z.string() }),
});
export type TStaffFaqArticleDetail = z.infer<typeof ZStaffFaqArticleDetail>['article'];

/** Staff: `POST /api/support/faq/preview`: Markdown rendered by the portal's own sanitiser. */
export const ZFaqPreviewRequest = z.object({ bodyMarkdown: z.string().max(50_000) });
export const ZFaqPreviewResponse = z.object({ html: z.string() });
export const ZFaqDeleteResponse = z.object({ deleted: z.literal(true) });
