import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../platform/http/app-error.ts';

/**
 * The logo pipeline. The type is decided by content, never the file name: PNG, JPEG and WebP as
 * detected; SVG only when it holds no script, event handler, external reference or entity, and even
 * then it is never served as SVG: it is rasterised here, so every variant is a PNG made by sharp.
 */
export type ImageKind = 'logo' | 'favicon';
export type Variant = { name: string; data: Buffer; contentType: 'image/png'; hash: string };

const RASTER = new Set(['image/png', 'image/jpeg', 'image/webp']);
const XML_TYPES = new Set(['application/xml', 'text/xml', 'image/svg+xml']);
/** Decompression bombs: a small file that decodes to a huge canvas is refused before resizing. */
const MAX_INPUT_PIXELS = 40_000_000;

const refuse = (message: string) => new AppError('UNSUPPORTED_FILE', 400, message, { file: message });

const SVG_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]/i;

/** What makes an SVG unsafe to accept, in words for the admin; null when there is nothing. */
export function svgProblem(text: string): string | null {
  if (/<script\b/i.test(text)) return 'This SVG contains a script; upload one without <script>, or a PNG.';
  if (/\son[a-z]+\s*=/i.test(text)) return 'This SVG contains event handlers (onload, onclick…); they are not allowed.';
  if (/<!ENTITY|<!DOCTYPE[^>]*\[/i.test(text)) return 'This SVG declares entities; they are not allowed.';
  if (/<foreignObject\b/i.test(text)) return 'This SVG embeds HTML (foreignObject); it is not allowed.';
  if (/javascript:/i.test(text)) return 'This SVG contains a javascript: link; it is not allowed.';
  const hrefs = [...text.matchAll(/(?:xlink:)?href\s*=\s*["']\s*([^"']*)["']/gi)].map((m) => m[1]!);
  const urls = [...text.matchAll(/url\(\s*["']?\s*([^)"']*)/gi)].map((m) => m[1]!);
  if ([...hrefs, ...urls].some((ref) => !ref.startsWith('#')) || /@import/i.test(text))
    return 'This SVG refers to other files or addresses; only references inside the SVG (#id) are allowed.';
  return null;
}

/** Checks the upload and returns a decoder for it, or a 400 naming `file`. */
async function decode(buffer: Buffer): Promise<sharp.Sharp> {
  if (buffer.length === 0) throw refuse('The file is empty.');
  const sniffed = await fileTypeFromBuffer(buffer);
  // An SVG with an XML declaration is sniffed as XML: it takes the SVG path below, checks included.
  const detected = sniffed && XML_TYPES.has(sniffed.mime) ? undefined : sniffed;
  if (detected && !RASTER.has(detected.mime))
    throw refuse(`This file is ${detected.mime}; upload a PNG, JPEG, WebP or SVG image.`);
  if (!detected) {
    const text = buffer.toString('utf8');
    const looksHtml = /<\s*(?:!doctype\s+html|html|head|body)\b/i.test(text);
    if (!looksHtml && /<svg[\s>]/i.test(text)) {
      const problem = svgProblem(text);
      if (problem) throw refuse(problem);
    }
    if (looksHtml || !SVG_START.test(text))
      throw refuse(
        looksHtml
          ? 'This file is HTML, not an image (whatever its name says); upload a PNG, JPEG, WebP or SVG image.'
          : 'This file is not a PNG, JPEG, WebP or SVG image.',
      );
  }
  try {
    const image = sharp(buffer, {
      failOn: 'error',
      limitInputPixels: MAX_INPUT_PIXELS,
      density: detected ? undefined : 300,
    });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    return image;
  } catch {
    throw refuse('This image could not be read; it may be damaged or too large in pixels.');
  }
}

const hashOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 32);
const png = async (name: string, pipeline: sharp.Sharp): Promise<Variant> => {
  const data = await pipeline.png({ compressionLevel: 9 }).toBuffer();
  return { name, data, contentType: 'image/png', hash: hashOf(data) };
};

/**
 * Logo: a header image (2× a 48 px header, at most 480 px wide) and an email PNG (at most 300 × 80,
 * what mail clients show well). Favicon: 32, 180 (Apple touch icon) and 512 px squares, letterboxed on
 * transparency so a wide mark is not cropped.
 */
export async function variantsOf(kind: ImageKind, buffer: Buffer): Promise<Variant[]> {
  const image = await decode(buffer);
  const fitted = (w: number, h: number) =>
    image.clone().rotate().resize(w, h, { fit: 'inside', withoutEnlargement: true });
  const square = (px: number) =>
    image
      .clone()
      .rotate()
      .resize(px, px, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } });
  if (kind === 'logo') return Promise.all([png('header', fitted(480, 96)), png('email', fitted(300, 80))]);
  return Promise.all([png('icon32', square(32)), png('icon180', square(180)), png('icon512', square(512))]);
}
