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
    const html = renderArticleHtml('[speed test](https://speed.example/test) and <a href="https://x.example" rel="opener">raw</a>');
    const rels = [...html.matchAll(/<a [^>]*rel="([^"]*)"/g)].map((m) => m[1]);
    expect(rels).toEqual(['noopener noreferrer nofollow', 'noopener noreferrer nofollow']);
  });

  it('excerpts are plain text', () => {
    expect(plainTextExcerpt('## Title\n\nSome **bold** & <b>raw</b> text')).toBe('Title Some bold & raw text');
  });
});
