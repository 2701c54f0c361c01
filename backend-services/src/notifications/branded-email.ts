import { readableTextOn } from '@wisp/shared/branding/contrast';
import { safeBrandingOf } from '../tenants/tenant.views.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

export type EmailContent = {
  /** Short text shown before the body by most mail apps. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the button, e.g. "This link expires in 7 days." */
  footnote?: string;
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A branded email (tenant name, colour, logo when it is an absolute https URL, support contact) as
 * HTML with inline styles, which mail clients need, plus a plain-text twin. Every value is escaped.
 */
export function renderBrandedEmail(
  tenant: Pick<TTenantDoc, 'branding'>,
  content: EmailContent,
  logoBaseUrl?: string,
): { html: string; text: string } {
  // A bad stored colour falls back to the default here too, instead of reaching an inline style.
  const b = safeBrandingOf(tenant);
  const primary = b.colors.primary;
  const onPrimary = readableTextOn(primary);
  const company = b.company.displayName;
  const logoUrl = b.logo?.url
    ? b.logo.url.startsWith('https://')
      ? b.logo.url
      : logoBaseUrl
        ? new URL(b.logo.url, logoBaseUrl).toString()
        : undefined
    : undefined;
  const support = [b.company.supportEmail, b.company.supportPhone].filter(Boolean).join(' · ');

  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</div>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${primary};color:${onPrimary};padding:16px 24px;font-size:18px;font-weight:bold">${logoUrl ? `<img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(company)}" height="32" style="display:block">` : escapeHtml(company)}</td></tr>
<tr><td style="padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="font-size:16px;line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`).join('\n')}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:${primary};color:${onPrimary};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(content.action.url)}</p>` : ''}
${content.footnote ? `<p style="font-size:13px;color:#4b5563">${escapeHtml(content.footnote)}</p>` : ''}
</td></tr>
<tr><td style="padding:16px 24px;background:#f9fafb;font-size:13px;color:#4b5563">${escapeHtml(company)}${support ? ` · ${escapeHtml(support)}` : ''}</td></tr>
</table></td></tr></table></body></html>`;

  const text = [
    company,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    ...(content.footnote ? [content.footnote, ''] : []),
    '--',
    `${company}${support ? ` · ${support}` : ''}`,
  ].join('\n');
  return { html, text };
}
