/** HTML for emails and printable documents: escaping, and the shell of a self-contained printable page. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Page basics every printable document shares: readable type, A4 margins, no screen margins in print. */
const BASE_CSS = `  :root { color-scheme: light; }
  body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
  h3 { font-size: 1rem; }
  .meta, .empty, .note { color: #444; }
  dt { color: #555; }
  dd { margin: 0; }
  @page { size: A4; margin: 16mm; }
  @media print { body { margin: 0; max-width: none; } }`;

/** The provider's look on a printable document (docs/branding.md#documents): logo as a data: URI, accent as "#rrggbb". */
export type DocumentBrand = { name: string; logoDataUri: string | null; accent: string | null };

const DATA_URI = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;
const HEX = /^#[0-9a-f]{6}$/;

/** The brand's CSS and header logo; each value is used only when it has the exact expected shape. */
function brandParts(brand: DocumentBrand | undefined) {
  const accent = brand?.accent && HEX.test(brand.accent) ? brand.accent : null;
  const logo = brand?.logoDataUri && DATA_URI.test(brand.logoDataUri) ? brand.logoDataUri : null;
  return {
    css: `${accent ? `\n  h1, h2 { color: ${accent}; }\n  h2 { border-color: ${accent}; }` : ""}${logo ? "\n  .brand-logo { display: block; max-height: 56px; max-width: 240px; margin: 0 0 1rem; }" : ""}`,
    logo: logo ? `<img class="brand-logo" src="${logo}" alt="${escapeHtml(`${brand?.name ?? ""} logo`)}">\n` : "",
  };
}

/**
 * A self-contained printable document (certificates, dossiers): inline CSS, no script, no referrer.
 * `title` is escaped here; `css` and `body` are the caller's own markup (values in it already escaped).
 * `brand` adds the provider's logo above the body and its accent to the headings.
 */
export function printableDocument({
  title,
  css,
  body,
  brand,
}: {
  title: string;
  css: string;
  body: string;
  brand?: DocumentBrand;
}): string {
  const branded = brandParts(brand);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${BASE_CSS}
${css}${branded.css}
</style>
</head>
<body>
${branded.logo}${body}
</body>
</html>
`;
}
