/**
 * Writes components/ui/server-icon-data.ts: the drawings of the icons server components draw as plain SVG
 * (components/ui/server-icon.tsx), read from lucide-react. Importing lucide-react's icon modules at run time would
 * ship its client `Icon` to the page, so the drawings are copied here; tests/unit/server-icon.test.ts fails when a
 * lucide-react upgrade changes one — then run `npm run icons:server`. Add an icon: its lucide-react file name below.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

/** export name → the lucide-react file that draws it (an alias file only re-exports: name the drawing's own file) */
const ICONS: Record<string, string> = {
  circleAlert: "circle-exclamation-point",
  info: "info",
  logOut: "log-out",
  moon: "moon",
  sun: "sun",
  triangleAlert: "triangle-exclamation-point",
};

type IconData = { name: string; node: [string, Record<string, string>][]; aliases?: string[] };

const entries: string[] = [];
for (const [exportName, file] of Object.entries(ICONS)) {
  const mod = (await import(`lucide-react/icons/${file}`)) as { __iconData?: IconData };
  const data = mod.__iconData;
  if (!data) throw new Error(`lucide-react/icons/${file} exports no __iconData`);
  const node = data.node.map(([tag, attrs]) => [
    tag,
    Object.fromEntries(Object.entries(attrs).filter(([k]) => k !== "key")),
  ]);
  entries.push(`  ${exportName}: ${JSON.stringify({ name: data.name, aliases: data.aliases ?? [], node })},`);
}

const out = path.join(import.meta.dirname, "..", "components", "ui", "server-icon-data.ts");
writeFileSync(
  out,
  `// Written by scripts/server-icons.ts from lucide-react (ISC licence); do not edit by hand.\n` +
    `export const ICON_DATA = {\n${entries.join("\n")}\n} as const satisfies Record<string, { name: string; aliases: readonly string[]; node: readonly (readonly [string, Readonly<Record<string, string>>])[] }>;\n`,
);
console.log(`wrote ${path.relative(process.cwd(), out)} (${entries.length} icons)`);
