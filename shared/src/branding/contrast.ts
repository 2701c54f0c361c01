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

/** WCAG 2.1 AA: normal-size text needs 4.5:1 against what it sits on. */
export const AA_TEXT = 4.5;

export type Hsl = [number, number, number];

export function toHsl(hex: string): Hsl {
  const [r, g, b] = parseHex(hex).map((v) => v / 255) as Rgb;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

export function fromHsl([h, s, l]: Hsl): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}

/**
 * The shade of `colour` closest in lightness (same hue and saturation) for which `passes` holds, or null
 * when no lightness does. Steps of half a percent, trying the darker and the lighter side in turn, so
 * the admin's colour moves as little as possible.
 */
export function nearestPassingShade(colour: string, passes: (candidate: string) => boolean): string | null {
  const normal = toHex(parseHex(colour));
  if (passes(normal)) return normal;
  const [h, s, l] = toHsl(normal);
  for (let step = 0.005; step <= 1; step += 0.005) {
    for (const candidateL of [l - step, l + step]) {
      if (candidateL < 0 || candidateL > 1) continue;
      const candidate = fromHsl([h, s, candidateL]);
      if (passes(candidate)) return candidate;
    }
  }
  return null;
}
