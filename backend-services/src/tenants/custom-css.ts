import postcss, { type AtRule, type ChildNode, type Declaration, type Root, type Rule } from 'postcss';

/**
 * The tenant's custom CSS, parsed with PostCSS and re-serialised from an allowlist: only style rules and
 * `@media` blocks survive, every selector is scoped under `.portal-root`, only presentational properties
 * are kept, and no value may load anything (`url()`, `image-set()`, `@import`), run anything
 * (`expression()`, `behavior`, `-moz-binding`, `javascript:`) or leave the `<style>` element (`<`).
 */
export const PORTAL_ROOT = '.portal-root';

const ALLOWED_PROPERTIES = new Set([
  'color',
  'background-color',
  'background',
  'opacity',
  'border',
  'border-color',
  'border-style',
  'border-width',
  'border-radius',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'outline-color',
  'box-shadow',
  'text-shadow',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-decoration',
  'text-decoration-color',
  'text-transform',
  'word-spacing',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'gap',
  'max-width',
  'min-height',
]);

/** Anything in a value or selector that could fetch, execute, escape or hide an escape. */
const FORBIDDEN =
  /url\s*\(|image-set\s*\(|image\s*\(|element\s*\(|expression\s*\(|javascript:|vbscript:|behavior|-moz-binding|[<>\\@{}]|\/\*|src\s*\(/i;

/** Selectors that would reach outside the portal root (the page, the document) are mapped onto it. */
function scopeSelector(selector: string): string | null {
  const s = selector.trim();
  if (!s || FORBIDDEN.test(s) || /[;]/.test(s)) return null;
  const rootLike = /^(?::root|html|body)\b/i;
  if (rootLike.test(s)) {
    const rest = s.replace(/^(?::root|html|body)(?:\s+(?:body)\b)?/i, '').trim();
    return rest ? `${PORTAL_ROOT} ${rest}` : PORTAL_ROOT;
  }
  return `${PORTAL_ROOT} ${s}`;
}

function cleanDeclaration(decl: Declaration): boolean {
  const prop = decl.prop.toLowerCase();
  if (!ALLOWED_PROPERTIES.has(prop) && !/^--[\w-]+$/.test(prop)) return false;
  if (FORBIDDEN.test(decl.value)) return false;
  decl.important = false;
  return true;
}

function cleanRule(rule: Rule): boolean {
  const scoped = rule.selectors.map(scopeSelector);
  if (scoped.some((s) => s === null)) return false;
  rule.selectors = scoped as string[];
  rule.each((child) => {
    if (child.type !== 'decl' || !cleanDeclaration(child)) child.remove();
  });
  return (rule.nodes?.length ?? 0) > 0;
}

function cleanMedia(at: AtRule): boolean {
  if (FORBIDDEN.test(at.params) || !/^[\w\s():,.-]+$/.test(at.params)) return false;
  at.each((child) => {
    if (child.type !== 'rule' || !cleanRule(child)) child.remove();
  });
  return (at.nodes?.length ?? 0) > 0;
}

function cleanTop(node: ChildNode): boolean {
  if (node.type === 'rule') return cleanRule(node);
  if (node.type === 'atrule' && node.name.toLowerCase() === 'media') return cleanMedia(node);
  return false; // comments, @import, @font-face, @charset, @namespace, unknown at-rules
}

/**
 * Built stylesheets by their source: every page request asks for its tenant's, and a tenant's CSS changes
 * rarely, so parsing it once per process is enough. Bounded, oldest first out.
 */
const built = new Map<string, string>();
const BUILT_MAX = 500;

/** Returns safe, scoped CSS for a `<style>` element, or '' when nothing usable (or unparsable) was given. */
export function sanitizeCustomCss(input: string | undefined | null): string {
  if (!input || !input.trim()) return '';
  const cached = built.get(input);
  if (cached !== undefined) return cached;
  const css = buildCustomCss(input);
  if (built.size >= BUILT_MAX) built.delete(built.keys().next().value!);
  built.set(input, css);
  return css;
}

function buildCustomCss(input: string): string {
  let root: Root;
  try {
    root = postcss.parse(input.slice(0, 20_000));
  } catch {
    return '';
  }
  root.each((node) => {
    if (!cleanTop(node)) node.remove();
  });
  root.raws = {};
  // Belt and braces: nothing that survived may contain '<' (e.g. `</style>`); escape it if it did.
  return root.toString().replace(/</g, '\\3c ').trim();
}
