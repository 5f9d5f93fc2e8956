/**
 * Writes the published JSON Schema of every webhook event to docs/webhooks/<type>.json
 * (`npm run webhooks:schemas`), formatted as Prettier formats them, from the catalogue in
 * lib/schemas/webhook-events.ts. tests/unit/webhook-schemas.test.ts fails when a file is out of date.
 */
import { readdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { WEBHOOK_EVENTS } from "@/lib/schemas/webhooks";
import { webhookJsonSchema } from "@/lib/schemas/webhook-events";

export const SCHEMA_DIR = path.resolve(import.meta.dirname, "..", "docs", "webhooks");

/** file name → its expected contents. */
export async function publishedSchemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const event of WEBHOOK_EVENTS)
    files.set(
      `${event}.json`,
      await format(JSON.stringify(webhookJsonSchema(event)), { parser: "json", printWidth: 120 }),
    );
  return files;
}

async function main() {
  const files = await publishedSchemaFiles();
  for (const stale of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json") && !files.has(f)))
    unlinkSync(path.join(SCHEMA_DIR, stale));
  for (const [name, text] of files) writeFileSync(path.join(SCHEMA_DIR, name), text);
  console.log(`wrote ${files.size} schemas to docs/webhooks/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
