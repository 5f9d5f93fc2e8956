import "server-only";
import Papa from "papaparse";

/**
 * CSV for a download (the routes stream it with server/http/csv.ts): the header row first, then the
 * items' rows in batches, so a long export is never held whole. Cells that look like spreadsheet
 * formulae (= + - @ …) are neutralised.
 */
export async function* csvChunks<T>(
  columns: readonly string[],
  items: AsyncIterable<T>,
  toRow: (item: T) => unknown[],
  batchSize = 500,
): AsyncGenerator<string> {
  yield Papa.unparse([columns]) + "\r\n";
  const batch: unknown[][] = [];
  const flush = () => Papa.unparse(batch.splice(0), { escapeFormulae: true }) + "\r\n";
  for await (const item of items) {
    batch.push(toRow(item));
    if (batch.length >= batchSize) yield flush();
  }
  if (batch.length > 0) yield flush();
}
