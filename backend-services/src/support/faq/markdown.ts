import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Our own instance: global `marked` options set elsewhere must not change what articles render to.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'b',
    'i',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'del',
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

const decodeEntities = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

const plainText = (html: string) =>
  decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();

/** The prose of an article: paragraphs and list items, never headings, code or tables (they read badly run together). */
function textBlocks(tokens: Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    if (t.type === 'paragraph' || t.type === 'text') out.push(plainText(markdown.parser([t])));
    else if (t.type === 'list') for (const item of (t as Tokens.List).items) textBlocks(item.tokens, out);
    else if (t.type === 'blockquote') textBlocks((t as Tokens.Blockquote).tokens, out);
  }
  return out.filter(Boolean);
}

/** A short plain-text preview for FAQ lists: the first text blocks, cut at a word boundary with "…". */
export function plainTextExcerpt(bodyMarkdown: string, max = 180): string {
  const text = textBlocks(markdown.lexer(bodyMarkdown)).join(' ');
  if (text.length <= max) return text;
  // Room for the "…"; a word that ends right at the cut is whole.
  const cut = text.slice(0, max - 1);
  const lastSpace = text[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  // One very long word (a URL) is cut where it must be; otherwise at the last whole word.
  const words = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
