import path from "node:path";

/** Where local data lives: $ONWARD_DATA_DIR, default .data/ in the checkout (embedded database, generated secrets, backups). */
export function dataRoot(): string {
  return path.resolve(import.meta.dirname, "..", process.env.ONWARD_DATA_DIR || ".data");
}
