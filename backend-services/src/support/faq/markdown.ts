import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Our own instance: global `marked` options set elsewhere must not change what articles render to.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // A heading level 1 belongs to the page; article headings start at 2.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
  disallowedTagsMode: 'discard',
};

/**
 * Article Markdown as HTML that is safe to insert into the page: Markdown may carry raw HTML, so the
 * output is sanitised (no script, iframe, style, event handlers or javascript: links).
 */
export function renderArticleHtml(bodyMarkdown: string): string {
  return sanitizeHtml(markdown.parse(bodyMarkdown) as string, ARTICLE_HTML);
}

/** Plain text of the rendered body, for list excerpts and search-free previews. */
export function plainTextExcerpt(bodyMarkdown: string, max = 180): string {
  const text = sanitizeHtml(markdown.parse(bodyMarkdown) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
