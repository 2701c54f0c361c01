import { describe, expect, it } from 'vitest';
import { plainTextExcerpt, renderArticleHtml } from './markdown.ts';

describe('renderArticleHtml', () => {
  it('renders Markdown structure', () => {
    const html = renderArticleHtml('## Reboot\n\n1. Unplug the **PoE** injector\n2. Wait 30 seconds');
    expect(html).toContain('<h2>Reboot</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>PoE</strong>');
  });

  it('removes script, iframe, style, event handlers and javascript: links', () => {
    const html = renderArticleHtml(
      'Hi <script>alert(1)</script><iframe src="https://evil.example"></iframe><style>body{}</style>' +
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)" onclick="x()">x</a> [y](javascript:alert(2)) <p style="color:red" onmouseover="z()">p</p>',
    );
    expect(html).not.toMatch(/<script|<iframe|<style|<img|onerror|onclick|onmouseover|javascript:|style=/i);
  });

  it('gives every link rel="noopener noreferrer nofollow"', () => {
    const html = renderArticleHtml(
      '[speed test](https://speed.example/test) and <a href="https://x.example" rel="opener">raw</a>',
    );
    const rels = [...html.matchAll(/<a [^>]*rel="([^"]*)"/g)].map((m) => m[1]);
    expect(rels).toEqual(['noopener noreferrer nofollow', 'noopener noreferrer nofollow']);
  });
});

describe('plainTextExcerpt (FAQ list previews)', () => {
  it('is plain text from the text blocks: a heading is not run into the text', () => {
    expect(plainTextExcerpt('## Title\n\nSome **bold** & <b>raw</b> text')).toBe('Some bold & raw text');
    expect(plainTextExcerpt('# Reboot\n\nUnplug it.\n\n## Then\n\n- Wait 30 s\n- Plug in')).toBe(
      'Unplug it. Wait 30 s Plug in',
    );
  });

  it('leaves code and tables out', () => {
    expect(plainTextExcerpt('Run this:\n\n```\nping 1.1.1.1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      'Run this:',
    );
  });

  it('cuts a long text at a word boundary and ends with "…"', () => {
    const body = 'Your outdoor radio needs a clear line of sight to the tower, so trees in leaf can slow it down.';
    const excerpt = plainTextExcerpt(body, 40);
    expect(excerpt).toBe('Your outdoor radio needs a clear line…');
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(body.startsWith(excerpt.slice(0, -1))).toBe(true);
  });

  it('cuts a single very long word where it must', () => {
    expect(plainTextExcerpt(`See https://${'x'.repeat(60)}.example`, 30)).toHaveLength(30);
  });

  it('keeps a short text whole, without "…"', () => {
    expect(plainTextExcerpt('Short answer.', 40)).toBe('Short answer.');
  });
});
