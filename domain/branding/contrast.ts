/**
 * Accent colour checks (docs/branding.md#accent-colour). The portal draws white text on the accent
 * (buttons) and the accent on white (links, focus rings); WCAG 2.x AA asks 4.5:1 for normal text. Both
 * pairs have the same ratio, so one measurement decides. Pure.
 */

export const MIN_CONTRAST = 4.5;

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#1A2b3c", "1a2b3c", "#abc" → "#1a2b3c"; anything else → null. */
export function normalizeHex(input: string): string | null {
  const m = HEX.exec(input.trim());
  if (!m?.[1]) return null;
  const h = m[1].toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join("") : h}`;
}

/** WCAG relative luminance of a normalized "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two normalized colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down to two decimals, so a shown 4.50 is never really 4.499. */
const floor2 = (n: number) => Math.floor(n * 100) / 100;

export type AccentCheck =
  { ok: true; hex: string; ratio: number } | { ok: false; ratio: number | null; reason: string };

export function checkAccentColor(input: string): AccentCheck {
  const hex = normalizeHex(input);
  if (!hex) return { ok: false, ratio: null, reason: "Enter the colour as a hex code, e.g. #1d4ed8" };
  const ratio = floor2(contrastRatio(hex, "#ffffff"));
  if (ratio < MIN_CONTRAST) {
    return {
      ok: false,
      ratio,
      reason: `Contrast with white is ${ratio.toFixed(2)}:1; buttons show white text on this colour and links show it on white, which needs at least ${MIN_CONTRAST}:1 to stay readable (WCAG AA). Choose a darker shade.`,
    };
  }
  return { ok: true, hex, ratio };
}
