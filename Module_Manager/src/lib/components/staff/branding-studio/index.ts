export { default as PreviewTicket } from './preview-ticket.svelte';
export { default as PreviewFrame } from './preview-frame.svelte';
export { default as ColourField } from './colour-field.svelte';
export { default as CssVerdict } from './css-verdict.svelte';
export { default as VersionHistory } from './version-history.svelte';
export { default as ImageUpload } from './image-upload.svelte';
export { default as CustomDomain } from './custom-domain.svelte';
export { valuesOf, previewBranding, COMPANY_FIELDS, FEATURE_FIELDS, type StudioValues } from './studio-values.ts';
export { PREVIEW_PAGES, sampleDashboard, type TPreviewPage } from './preview-samples.ts';

/** The message type the studio posts to its preview frame with the branding as typed. */
export const PREVIEW_MESSAGE = 'wisp-branding-preview';
/** The preview frame's word to the studio that it listens (after each load). */
export const PREVIEW_READY = 'wisp-branding-preview-ready';
