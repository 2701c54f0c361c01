import type { TTicketAttachment } from '@wisp/shared';

/** Shown as a picture only when the backend re-encoded it (safe to display inline); other files stay links. */
export const isPhoto = (a: TTicketAttachment) => a.inline && a.contentType.startsWith('image/');
