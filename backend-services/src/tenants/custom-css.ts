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

/** One thing the sanitiser left out. `hostile`: it tried to load, run or escape, not merely unsupported. */
export type CssRejection = { line: number | null; rule: string; reason: string; hostile: boolean };
type Report = (node: { source?: { start?: { line: number } } }, rule: string, reason: string, hostile: boolean) => void;
const ignore: Report = () => {};

/** Why a value or selector matched FORBIDDEN, in words an admin can act on. */
function forbiddenReason(text: string): string {
  if (/[<>]/.test(text)) return 'contains “<” or “>”, which could end the style element and run a script';
  if (/url\s*\(|image-set\s*\(|image\s*\(|element\s*\(|src\s*\(/i.test(text))
    return 'loads a file from an address (url(), image-set()); upload images as the logo instead';
  if (/expression\s*\(|javascript:|vbscript:|behavior|-moz-binding/i.test(text)) return 'could run code';
  if (/\\/.test(text)) return 'uses a CSS escape (\\), which can hide a forbidden word';
  if (/\/\*/.test(text)) return 'contains a comment inside a value';
  return 'contains characters that are not allowed here ({ } @)';
}

function cleanDeclaration(decl: Declaration, report: Report): boolean {
  const prop = decl.prop.toLowerCase();
  const text = `${decl.prop}: ${decl.value}`;
  if (FORBIDDEN.test(decl.value) || FORBIDDEN.test(decl.prop)) {
    report(decl, text, forbiddenReason(`${decl.prop}${decl.value}`), true);
    return false;
  }
  if (!ALLOWED_PROPERTIES.has(prop) && !/^--[\w-]+$/.test(prop)) {
    report(decl, text, `“${decl.prop}” is not a property custom CSS may set (colours, borders, fonts, spacing)`, false);
    return false;
  }
  if (decl.important)
    report(decl, `${text} !important`, '!important was removed so the high-contrast mode still wins', false);
  decl.important = false;
  return true;
}

function cleanRule(rule: Rule, report: Report): boolean {
  const scoped = rule.selectors.map(scopeSelector);
  const bad = rule.selectors.find((_, i) => scoped[i] === null);
  if (bad !== undefined) {
    const hostile = FORBIDDEN.test(bad);
    report(rule, rule.selector, hostile ? forbiddenReason(bad) : 'this selector cannot be used', hostile);
    return false;
  }
  rule.selectors = scoped as string[];
  rule.each((child) => {
    if (child.type === 'comment') child.remove();
    else if (child.type !== 'decl') {
      report(child, String(child).slice(0, 80), 'nested rules are not supported', false);
      child.remove();
    } else if (!cleanDeclaration(child, report)) child.remove();
  });
  return (rule.nodes?.length ?? 0) > 0;
}

function cleanMedia(at: AtRule, report: Report): boolean {
  if (FORBIDDEN.test(at.params) || !/^[\w\s():,.-]+$/.test(at.params)) {
    report(at, `@media ${at.params}`, 'this media query cannot be used', FORBIDDEN.test(at.params));
    return false;
  }
  at.each((child) => {
    if (child.type === 'rule') {
      if (!cleanRule(child, report)) child.remove();
      return;
    }
    if (child.type === 'atrule') reportAtRule(child, report);
    child.remove();
  });
  return (at.nodes?.length ?? 0) > 0;
}

/** At-rules that fetch something are hostile; any other one (but `@media`) is merely unsupported. */
function reportAtRule(at: AtRule, report: Report) {
  const name = at.name.toLowerCase();
  const rule = `@${at.name} ${at.params}`.trim().slice(0, 120);
  if (name === 'import') report(at, rule, '@import loads another stylesheet; write the rules here instead', true);
  else if (name === 'font-face')
    report(at, rule, '@font-face loads a font file; choose one of the fonts under Typography', true);
  else if (name === 'namespace' || name === 'charset')
    report(at, rule, `@${name} is not needed and was removed`, false);
  else report(at, rule, `@${at.name} is not supported; only style rules and @media blocks are kept`, false);
}

function cleanTop(node: ChildNode, report: Report): boolean {
  if (node.type === 'rule') return cleanRule(node, report);
  if (node.type === 'atrule' && node.name.toLowerCase() === 'media') return cleanMedia(node, report);
  if (node.type === 'atrule') reportAtRule(node, report);
  else if (node.type === 'comment' && /</.test(node.text))
    report(node, '/* … */', 'a comment contains “<”, which could end the style element', true);
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

function buildCustomCss(input: string, report: Report = ignore): string {
  let root: Root;
  try {
    root = postcss.parse(input.slice(0, 20_000));
  } catch (err) {
    const e = err as { line?: number; reason?: string };
    report(
      { source: { start: { line: e.line ?? 1 } } },
      input.split('\n')[(e.line ?? 1) - 1]?.trim().slice(0, 120) ?? '',
      `the CSS could not be read (${e.reason ?? 'syntax error'}); nothing of it was kept`,
      true,
    );
    return '';
  }
  root.each((node) => {
    if (!cleanTop(node, report)) node.remove();
  });
  root.raws = {};
  // Belt and braces: nothing that survived may contain '<' (e.g. `</style>`); escape it if it did.
  return root.toString().replace(/</g, '\\3c ').trim();
}

/**
 * The sanitiser's verdict for the branding studio: the stylesheet it would serve and every rule it
 * left out, with why. Not memoized: it runs on a draft save, not on page requests.
 */
export function reviewCustomCss(input: string | undefined | null): { css: string; rejected: CssRejection[] } {
  if (!input || !input.trim()) return { css: '', rejected: [] };
  const rejected: CssRejection[] = [];
  const css = buildCustomCss(input, (node, rule, reason, hostile) =>
    rejected.push({ line: node.source?.start?.line ?? null, rule: rule.slice(0, 200), reason, hostile }),
  );
  if (input.length > 20_000)
    rejected.push({ line: null, rule: '…', reason: 'only the first 20,000 characters are used', hostile: false });
  return { css, rejected };
}
