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

/**
 * A self-contained printable document (certificates, dossiers): inline CSS, no script, no referrer.
 * `title` is escaped here; `css` and `body` are the caller's own markup (values in it already escaped).
 */
export function printableDocument({ title, css, body }: { title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${BASE_CSS}
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
