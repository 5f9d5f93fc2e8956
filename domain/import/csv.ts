import Papa from "papaparse";
import { IMPORT_LIMITS } from "./limits";

/**
 * Reading an uploaded CSV (docs/import.md#formats): UTF-8 with or without a byte-order mark, comma or
 * semicolon (detected), quoted fields. Pure: bytes in, rows out; the limits are checked here so every
 * caller refuses the same files with the same words.
 */
export { IMPORT_LIMITS };

export type CsvTable = {
  headers: string[];
  /** data rows with their spreadsheet row number (the header is row 1); blank rows are left out */
  rows: { row: number; cells: string[] }[];
  delimiter: "," | ";";
};

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; message: string };

const SAVE_AS_UTF8 = "Save it as “CSV UTF-8” in your spreadsheet or CRM and upload it again.";

/** The bytes as text, or why they are not a UTF-8 CSV. */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: `The file is saved as UTF-16 text, not UTF-8. ${SAVE_AS_UTF8}` };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, message: `This is a spreadsheet workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}` };
  }
  let text: string;
  try {
    // the decoder drops a leading byte-order mark itself
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const line = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))).split("\n").length;
    return {
      ok: false,
      message: `The file is not UTF-8 text (the first unreadable character is on line ${line}). ${SAVE_AS_UTF8}`,
    };
  }
  if (text.includes("\u0000"))
    return { ok: false, message: `The file contains binary data, not text. ${SAVE_AS_UTF8}` };
  if (text.trim() === "") return { ok: false, message: "The file is empty." };
  return { ok: true, text };
}

/**
 * Rows of the text, read one at a time with Papa Parse's streaming `step` (stops as soon as the row limit
 * is passed). The first non-blank row is the header.
 */
export function parseCsv(text: string, maxRows: number = IMPORT_LIMITS.maxRows): CsvResult {
  let headers: string[] | null = null;
  const rows: CsvTable["rows"] = [];
  let record = 0;
  let problem: string | null = null;
  let delimiter: "," | ";" = ",";
  Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";"],
    skipEmptyLines: false,
    step: (result, parser) => {
      record += 1;
      delimiter = result.meta.delimiter === ";" ? ";" : ",";
      const unclosed = result.errors.find((e) => e.type === "Quotes");
      if (unclosed) {
        problem = `Row ${record}: a quoted field is not closed (a " is missing). Check the file around that row.`;
        parser.abort();
        return;
      }
      const cells = result.data.map((c) => (typeof c === "string" ? c : ""));
      if (cells.every((c) => c.trim() === "")) return;
      if (headers === null) {
        headers = cells.map((h, i) => h.trim() || `Column ${i + 1}`);
        return;
      }
      if (rows.length >= maxRows) {
        problem = `The file has more than ${maxRows.toLocaleString("en-US")} rows. Split it into files of at most ${maxRows.toLocaleString("en-US")} rows.`;
        parser.abort();
        return;
      }
      rows.push({ row: record, cells });
    },
  });
  if (problem) return { ok: false, message: problem };
  if (headers === null) return { ok: false, message: "The file is empty." };
  if (rows.length === 0) return { ok: false, message: "The file has a header row but no data rows." };
  return { ok: true, table: { headers, rows, delimiter } };
}

/** Both steps, with the size limit first. */
export function readCsv(bytes: Uint8Array, limits: { maxBytes: number; maxRows: number } = IMPORT_LIMITS): CsvResult {
  if (bytes.length > limits.maxBytes)
    return {
      ok: false,
      message: `The file is larger than ${limits.maxBytes / 1024 / 1024} MB. Split it into smaller files.`,
    };
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return decoded;
  return parseCsv(decoded.text, limits.maxRows);
}
