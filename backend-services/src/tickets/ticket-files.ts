import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../platform/http/app-error.ts';
import type { FileStorage } from '../storage/file-storage.ts';

/** A file as multer hands it over (memory storage). */
export type UploadedFile = { originalname: string; buffer: Buffer; size: number };

/** A file that passed every check and is ready to store: re-encoded when it is an image. */
export type AcceptedFile = {
  fileName: string;
  contentType: string;
  data: Buffer;
  thumbnail?: Buffer;
  inline: boolean;
};

type Detected = { mime: string; ext: string };

const RASTER_OUTPUT: Record<string, 'jpeg' | 'png' | 'webp' | 'gif'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
const HEIC_TYPES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);
const THUMBNAIL_PX = 320;
/** Text that a browser could treat as a document is refused even though it is valid UTF-8. */
const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|math|style|meta|link|\?xml)\b/i;

/**
 * Decides each file's type by its content (magic bytes), never its name, and prepares it for storage:
 * images are re-encoded (which drops EXIF, GPS above all) and get a WebP thumbnail. Every file is
 * checked before anything is written, so one bad file rejects the whole request with nothing left behind.
 */
export async function acceptFiles(files: UploadedFile[]): Promise<AcceptedFile[]> {
  const accepted: AcceptedFile[] = [];
  const problems: Record<string, string> = {};
  for (const [i, file] of files.entries()) {
    const name = displayName(file.originalname);
    try {
      accepted.push(await acceptFile(file.buffer, name));
    } catch (err) {
      if (!(err instanceof FileRejected)) throw err;
      problems[`files.${i}`] = `${name}: ${err.message}`;
    }
  }
  if (Object.keys(problems).length) {
    throw new AppError('UNSUPPORTED_FILE', 400, 'Some files could not be accepted.', problems);
  }
  return accepted;
}

class FileRejected extends Error {}

async function acceptFile(buffer: Buffer, name: string): Promise<AcceptedFile> {
  if (buffer.length === 0) throw new FileRejected('the file is empty.');
  const detected = (await fileTypeFromBuffer(buffer)) as Detected | undefined;
  if (detected && RASTER_OUTPUT[detected.mime]) return reencodeImage(buffer, name, detected);
  if (detected && HEIC_TYPES.has(detected.mime)) return acceptHeic(buffer, name);
  if (detected?.mime === 'application/pdf')
    return { fileName: withExtension(name, 'pdf'), contentType: 'application/pdf', data: buffer, inline: false };
  if (detected)
    throw new FileRejected(`files of type ${detected.mime} are not accepted (photos, PDF or plain text only).`);
  if (isPlainText(buffer))
    return {
      fileName: withExtension(name, 'txt'),
      contentType: 'text/plain; charset=utf-8',
      data: buffer,
      inline: false,
    };
  throw new FileRejected('this kind of file is not accepted (photos, PDF or plain text only).');
}

async function reencodeImage(buffer: Buffer, name: string, detected: Detected): Promise<AcceptedFile> {
  const format = RASTER_OUTPUT[detected.mime]!;
  const animated = format === 'gif' || format === 'webp';
  try {
    // rotate() applies the EXIF orientation before the metadata (EXIF, GPS, XMP) is dropped by re-encoding.
    const image = sharp(buffer, { animated, failOn: 'error' }).rotate();
    const data = await (
      format === 'jpeg'
        ? image.jpeg({ quality: 85, mozjpeg: true })
        : format === 'png'
          ? image.png()
          : format === 'webp'
            ? image.webp({ quality: 85 })
            : image.gif()
    ).toBuffer();
    const thumbnail = await sharp(buffer, { failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      fileName: withExtension(name, format === 'jpeg' ? 'jpg' : format),
      contentType: detected.mime,
      data,
      thumbnail,
      inline: true,
    };
  } catch {
    throw new FileRejected('this image could not be read; it may be damaged.');
  }
}

/**
 * HEIC photos (iPhone) become JPEG when this server's image library can decode them. The prebuilt one
 * usually cannot (HEVC is patent-encumbered): then the file is kept as sent, metadata included, and only
 * ever offered as a download, never shown inline.
 */
async function acceptHeic(buffer: Buffer, name: string): Promise<AcceptedFile> {
  try {
    const data = await sharp(buffer, { failOn: 'error' }).rotate().jpeg({ quality: 85 }).toBuffer();
    const thumbnail = await sharp(data)
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { fileName: withExtension(name, 'jpg'), contentType: 'image/jpeg', data, thumbnail, inline: true };
  } catch {
    return { fileName: withExtension(name, 'heic'), contentType: 'image/heic', data: buffer, inline: false };
  }
}

function isPlainText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return false;
  }
  return !MARKUP.test(text);
}

/** The user's file name, only ever shown as text and in Content-Disposition: no path, no control characters. */
/** The name to show and store: UTF-8 as the browser sent it, no path, no control or markup characters. */
export function displayName(original: string): string {
  // busboy reads multipart file names as latin1; browsers send UTF-8.
  const utf8 = Buffer.from(original, 'latin1').toString('utf8');
  const name = (utf8.includes('\uFFFD') ? original : utf8).split(/[\\/]/).pop() ?? '';
  const cleaned = [...name]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && !'"<>'.includes(ch))
    .join('')
    .trim()
    .slice(-120);
  return cleaned || 'file';
}

/** Makes the extension match what the file really is, so a download never opens as something else. */
function withExtension(name: string, ext: string): string {
  const current = path.extname(name).slice(1).toLowerCase();
  if (current === ext || (ext === 'jpg' && current === 'jpeg')) return name;
  return `${name}.${ext}`;
}

/** Writes accepted files; when any write fails, removes the ones already written. Returns their keys in order. */
export async function storeFiles(
  storage: FileStorage,
  files: AcceptedFile[],
): Promise<{ storageKey: string; thumbnailKey?: string }[]> {
  const written: string[] = [];
  try {
    const keys = [];
    for (const file of files) {
      const storageKey = await storage.put(file.data);
      written.push(storageKey);
      const thumbnailKey = file.thumbnail ? await storage.put(file.thumbnail) : undefined;
      if (thumbnailKey) written.push(thumbnailKey);
      keys.push({ storageKey, thumbnailKey });
    }
    return keys;
  } catch (err) {
    await discardStored(storage, written);
    throw err;
  }
}

export async function discardStored(storage: FileStorage, keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => undefined)));
}
