import type { TFaqArticle, TFaqEntrySummary, TFaqKind } from '@wisp/shared';
import type { TFaqArticleDoc } from './faq-article.model.ts';
import { plainTextExcerpt, renderArticleHtml } from './markdown.ts';

const entryOf = (doc: TFaqArticleDoc) => ({
  slug: doc.slug,
  kind: doc.kind as TFaqKind,
  category: doc.category,
  title: doc.title,
  updatedAt: new Date(doc.updatedAt).toISOString(),
});

export function toFaqEntrySummary(doc: TFaqArticleDoc): TFaqEntrySummary {
  return { ...entryOf(doc), excerpt: plainTextExcerpt(doc.bodyMarkdown ?? '') };
}

export function toFaqArticle(doc: TFaqArticleDoc): TFaqArticle {
  return { ...entryOf(doc), html: renderArticleHtml(doc.bodyMarkdown ?? '') };
}
