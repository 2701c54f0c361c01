import { describe, expect, it } from 'vitest';
import { sanitizeCustomCss } from './custom-css.ts';

describe('sanitizeCustomCss', () => {
  it('keeps presentational rules and scopes every selector under the portal root', () => {
    const out = sanitizeCustomCss('h1, .card p { color: #123456; font-weight: 700 }');
    expect(out).toContain('.portal-root h1');
    expect(out).toContain('.portal-root .card p');
    expect(out).toContain('color: #123456');
  });

  it('maps :root, html and body onto the portal root instead of the whole page', () => {
    const out = sanitizeCustomCss(':root { --x: 1px } html body h2 { color: red } body { margin: 0 }');
    expect(out).toMatch(/^\.portal-root \{/);
    expect(out).toContain('.portal-root h2');
    expect(out).not.toMatch(/(^|[\s,])(html|body|:root)\b/);
  });

  it('drops @import, @font-face, @charset, @namespace and unknown at-rules', () => {
    const out = sanitizeCustomCss(
      "@import url('https://evil.example/x.css'); @charset 'utf-8'; @namespace svg url(x); @font-face { font-family: x; src: url(https://evil.example/f.woff) } @keyframes k { from { color: red } } @supports (color: red) { p { color: red } } p { color: blue }",
    );
    expect(out).toBe('.portal-root p { color: blue }');
  });

  it('drops url() to any origin, image-set() and data: payloads', () => {
    const out = sanitizeCustomCss(
      'p { background: url(https://evil.example/track.gif); color: red } a { background: image-set("x.png" 1x) } b { background: URL ( "data:image/png;base64,AAAA" ) }',
    );
    expect(out).not.toMatch(/url|image-set|data:/i);
    expect(out).toContain('color: red');
  });

  it('drops expression(), behavior, -moz-binding and javascript: values', () => {
    const out = sanitizeCustomCss(
      'p { width: expression(alert(1)); color: red } a { behavior: url(x.htc) } b { -moz-binding: url(x.xml#y) } i { cursor: "javascript:alert(1)"; background: "javascript:alert(1)" }',
    );
    expect(out).toBe('.portal-root p { color: red }');
  });

  it('never lets </style> break out of the style element', () => {
    const hostile = [
      'p { color: red } </style><script>alert(1)</script>',
      'p { font-family: "</style><script>alert(1)</script>" }',
      'p[title="</style>"] { color: red }',
      '/* </style><script>alert(1)</script> */ p { color: red }',
    ];
    for (const css of hostile) {
      const out = sanitizeCustomCss(css);
      expect(out).not.toMatch(/<\/?style|<script/i);
      expect(out).not.toContain('<');
    }
  });

  it('drops properties outside the allowlist (layout hijacking, content injection, positioning)', () => {
    const out = sanitizeCustomCss(
      'p { position: fixed; content: "pay here"; display: none; z-index: 9999; color: green }',
    );
    expect(out).toBe('.portal-root p { color: green }');
  });

  it('drops CSS escapes that could hide a forbidden word', () => {
    const out = sanitizeCustomCss('p { background: \\75 rl(https://evil.example/x) } q { color: red }');
    expect(out).toBe('.portal-root q { color: red }');
  });

  it('keeps @media blocks with their scoped rules and drops nested at-rules', () => {
    const out = sanitizeCustomCss('@media (min-width: 40rem) { h1 { font-size: 2rem } @import "x.css"; }');
    expect(out).toContain('@media (min-width: 40rem)');
    expect(out).toContain('.portal-root h1');
    expect(out).not.toContain('@import');
  });

  it('removes !important so tenant CSS cannot override the high-contrast mode', () => {
    expect(sanitizeCustomCss('p { color: red !important }')).toBe('.portal-root p { color: red }');
  });

  it('answers an empty string for empty, unparsable or wholly hostile input', () => {
    expect(sanitizeCustomCss(undefined)).toBe('');
    expect(sanitizeCustomCss('   ')).toBe('');
    expect(sanitizeCustomCss('p { color: red; q: javascript:x }')).toBe('');
    expect(sanitizeCustomCss('@import "https://evil.example/x.css";')).toBe('');
  });
});
