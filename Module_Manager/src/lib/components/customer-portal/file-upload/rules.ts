import { m } from '$lib/paraglide/messages';
import { formatBytes } from '../ticket-time';
import { UPLOAD_LIMITS, UPLOAD_MAX_FILE_BYTES } from '@wisp/shared/constants';

/** The backend's default limits, from the one shared source, checked in the browser first so nothing doomed is uploaded. */
export const MAX_FILE_BYTES = UPLOAD_MAX_FILE_BYTES;
export const MAX_FILES = UPLOAD_LIMITS.maxFiles;
// "image/*" (not a list of image types) is what makes phones offer the camera beside the gallery, and iOS then
// sends a JPEG instead of HEIC; documents stay possible. fileProblem() narrows the image types.
export const ACCEPT = 'image/*,application/pdf,text/plain,.pdf,.txt';

const TYPE_OK = /^(image\/(jpeg|png|webp|gif|heic|heif)|application\/pdf|text\/plain)$/;
const NAME_OK = /\.(jpe?g|png|webp|gif|heic|heif|pdf|txt)$/i;

/** Why a file cannot be sent, or null. The backend checks the real content again. */
export function fileProblem(file: File): string | null {
  if (!(TYPE_OK.test(file.type) || (!file.type && NAME_OK.test(file.name))))
    return m.tickets_file_error_type({ name: file.name });
  if (file.size > MAX_FILE_BYTES)
    return m.tickets_file_error_size({ name: file.name, max: formatBytes(MAX_FILE_BYTES) });
  if (file.size === 0) return m.tickets_file_error_empty({ name: file.name });
  return null;
}
