import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { Badge } from './badge';
import { Button } from './button';
import { ErrorSummary } from './error-summary';
import { TextField } from './text-field';

// Server-side render of one part with loose props (the tests pass only what each case needs).
const html = (component: unknown, props: Record<string, unknown>) =>
  render(component as Parameters<typeof render>[0], { props } as never).body;

describe('TextField', () => {
  it('ties its label, hint and error to the input, and marks the input invalid', () => {
    const out = html(TextField, { id: 'title', label: 'Title', hint: 'A few words', error: 'Too short' });
    expect(out).toMatch(/<label[^>]*for="title"/);
    expect(out).toMatch(/<input[^>]*aria-describedby="title-hint title-error"/);
    expect(out).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(out).toMatch(/id="title-error"[^>]*>[\s\S]*Error:[\s\S]*Too short/);
  });

  it('is a text box when multiline, named by its id unless told otherwise', () => {
    const out = html(TextField, { id: 'comment-body', name: 'body', label: 'Reply', multiline: true });
    expect(out).toMatch(/<textarea[^>]*name="body"/);
    expect(out).not.toContain('aria-invalid');
  });
});

describe('ErrorSummary', () => {
  it('links every problem to its field, from a map or a list', () => {
    for (const errors of [{ title: 'Too short' }, [{ fieldId: 'title', message: 'Too short' }]]) {
      const out = html(ErrorSummary, { errors });
      expect(out).toContain('role="alert"');
      expect(out).toMatch(/<a href="#title"[^>]*>Too short<\/a>/);
    }
  });

  it('renders nothing when there is no problem', () => {
    expect(html(ErrorSummary, { errors: {} })).not.toContain('role="alert"');
  });
});

describe('Button and Badge', () => {
  it('a button is type="button" unless it submits, and becomes a link with href', () => {
    const children = (() => {}) as never;
    expect(html(Button, { children })).toMatch(/<button[^>]*type="button"/);
    expect(html(Button, { type: 'submit', children })).toMatch(/<button[^>]*type="submit"/);
    expect(html(Button, { href: '/x', variant: 'secondary', children })).toMatch(/<a[^>]*class="button secondary"/);
  });

  it('a badge takes its colours from the tone', () => {
    expect(html(Badge, { tone: 'warning', children: (() => {}) as never })).toMatch(
      /color: var\(--warning\); background: var\(--warning-bg\)/,
    );
  });
});
