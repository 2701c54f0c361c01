import type { TFaqArticle, TFaqEntrySummary, TFaqKind } from '@wisp/shared';
import type { TFaqArticleDoc } from './faq-article.model.ts';
import { plainTextExcerpt, renderArticleHtml } from './markdown.ts';

export function toFaqEntrySummary(doc: TFaqArticleDoc): TFaqEntrySummary {
  return {
    slug: doc.slug,
    kind: doc.kind as TFaqKind,
    category: doc.category,
    title: doc.title,
    excerpt: plainTextExcerpt(doc.bodyMarkdown ?? ''),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

export function toFaqArticle(doc: TFaqArticleDoc): TFaqArticle {
  return {
    slug: doc.slug,
    kind: doc.kind as TFaqKind,
    category: doc.category,
    title: doc.title,
    html: renderArticleHtml(doc.bodyMarkdown ?? ''),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
