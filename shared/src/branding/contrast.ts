/**
 * Colour arithmetic for tenant palettes: text on the brand colour is chosen by measured WCAG contrast,
 * never guessed, and hover/tint shades are derived from the one primary colour.
 */
export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return (
    '#' +
    [r, g, b]
      .map((v) =>
        Math.round(Math.min(255, Math.max(0, v)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

function channel(v: number) {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE = '#ffffff';
export const NEAR_BLACK = '#111827';

/** White or near-black, whichever reads better on `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(NEAR_BLACK, background) ? WHITE : NEAR_BLACK;
}

/** Mixes `hex` toward `target` by `amount` (0–1): shades for hover (toward black) and tints (toward white). */
export function mix(hex: string, target: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(target);
  return toHex(a.map((v, i) => v + (b[i]! - v) * amount) as Rgb);
}

/**
 * Darkens `colour` step by step until it reaches `minRatio` against `background`, so brand-coloured
 * links and focus rings stay readable on any tenant palette (AA: 4.5 for text, 3 for UI parts).
 */
export function ensureContrast(colour: string, background: string, minRatio: number): string {
  let c = colour;
  const towards = relativeLuminance(background) > 0.5 ? '#000000' : WHITE;
  for (let i = 0; i < 20 && contrastRatio(c, background) < minRatio; i++) c = mix(c, towards, 0.1);
  return c;
}
