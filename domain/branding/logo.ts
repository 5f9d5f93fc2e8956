/**
 * Logo checks (docs/branding.md#logo): a PNG is recognised by its signature and its IHDR dimensions,
 * an SVG is refused — with the reason — when it could run script or load anything from elsewhere. No
 * DOM library: the SVG is only ever shown as an image and served with a no-script CSP, so a plain-text
 * scan that refuses every risky construct (rather than trying to clean it) is enough. Pure.
 */

export const MAX_LOGO_BYTES = 256 * 1024;
export const MIN_LOGO_SIDE = 16;
export const MAX_LOGO_SIDE = 4096;

export const LOGO_TYPES = ["image/png", "image/svg+xml"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export type LogoCheck =
  { ok: true; contentType: LogoType; width: number | null; height: number | null } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function checkPng(bytes: Uint8Array): LogoCheck {
  if (!isPng(bytes)) return { ok: false, reason: "This file is not a PNG image." };
  // the first chunk must be IHDR: length 13, then width and height as 32-bit big-endian integers
  if (bytes.length < 33) return { ok: false, reason: "This PNG is cut short." };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (view.getUint32(8) !== 13 || type !== "IHDR") return { ok: false, reason: "This PNG has no valid header." };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < MIN_LOGO_SIDE || height < MIN_LOGO_SIDE || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    return {
      ok: false,
      reason: `The image is ${width} × ${height} pixels; each side must be between ${MIN_LOGO_SIDE} and ${MAX_LOGO_SIDE} pixels.`,
    };
  }
  const tail = bytes.subarray(bytes.length - IEND.length);
  if (!IEND.every((b, i) => tail[i] === b))
    return { ok: false, reason: "This PNG is cut short (it has no end marker)." };
  return { ok: true, contentType: "image/png", width, height };
}

/** Numeric and the few named character references that could hide "javascript:" from a text scan. */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number.parseInt(d, 10), 0x10ffff)))
    .replace(/&colon;/gi, ":")
    .replace(/&(tab|newline);/gi, "");
}

/** The first reference in the SVG that points outside the document itself (not "#id"), or null. */
function externalReference(svg: string): string | null {
  const attr = /\s(?:[a-z_][\w.-]*:)?(href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (const m of svg.matchAll(attr)) {
    const value = (m[3] ?? m[4] ?? m[5] ?? "").trim();
    if (!value.startsWith("#")) return `${m[1]}="${value.slice(0, 60)}"`;
  }
  const url = /url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi;
  for (const m of svg.matchAll(url)) {
    if (!(m[2] ?? "").trim().startsWith("#")) return `url(${(m[2] ?? "").slice(0, 60)})`;
  }
  if (/@import/i.test(svg)) return "@import";
  return null;
}

export function checkSvg(bytes: Uint8Array): LogoCheck {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "This SVG is not valid UTF-8 text." };
  }
  const svg = decodeReferences(text.replace(/^\uFEFF/, ""));
  if (!/<svg[\s>]/i.test(svg)) return { ok: false, reason: "This file is not an SVG image (no <svg> element)." };
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) return { ok: false, reason: "SVG logos may not declare a DOCTYPE or entities." };
  if (/<\?xml-stylesheet/i.test(svg))
    return { ok: false, reason: "SVG logos may not load a style sheet from elsewhere." };
  if (/<(?:[a-z_][\w.-]*:)?script[\s>/]/i.test(svg)) return { ok: false, reason: "SVG logos may not contain scripts." };
  const handler = /[\s"'/]on([a-z]+)\s*=/i.exec(svg);
  if (handler)
    return { ok: false, reason: `SVG logos may not contain event handlers (on${handler[1]?.toLowerCase()}).` };
  if (/<(?:[a-z_][\w.-]*:)?foreignObject[\s>/]/i.test(svg))
    return { ok: false, reason: "SVG logos may not contain a foreignObject element." };
  if (/<(?:[a-z_][\w.-]*:)?(?:iframe|embed|object)[\s>/]/i.test(svg))
    return { ok: false, reason: "SVG logos may not embed other documents." };
  const compact = svg.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
  if (compact.includes("javascript:") || compact.includes("vbscript:"))
    return { ok: false, reason: "SVG logos may not contain javascript: links." };
  const external = externalReference(svg);
  if (external)
    return {
      ok: false,
      reason: `SVG logos may not refer to other files or sites (${external}); embed everything in the SVG itself.`,
    };
  return { ok: true, contentType: "image/svg+xml", width: null, height: null };
}

/** The whole check for an uploaded logo, by what the bytes are (the declared type must agree). */
export function checkLogo(bytes: Uint8Array, declared: LogoType): LogoCheck {
  if (bytes.length === 0) return { ok: false, reason: "The file is empty." };
  if (bytes.length > MAX_LOGO_BYTES)
    return {
      ok: false,
      reason: `The file is ${Math.ceil(bytes.length / 1024)} KB; logos may be at most ${MAX_LOGO_BYTES / 1024} KB.`,
    };
  if (declared === "image/png") return checkPng(bytes);
  if (isPng(bytes)) return { ok: false, reason: "This file is a PNG image, not an SVG." };
  return checkSvg(bytes);
}
