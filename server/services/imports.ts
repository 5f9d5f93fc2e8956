import "server-only";
import { recordAudit } from "@/server/db/audit";
import {
  insertAccounts,
  insertLeads,
  lockTenantImports,
  storedAccounts,
  storedLeadsMatching,
  tenantCurrency,
  updateAccountFromImport,
  updateLeadFromImport,
} from "@/server/db/imports";
import { readCsv, type CsvTable } from "@/domain/import/csv";
import {
  autoMap,
  fieldDef,
  fieldsOf,
  missingColumns,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
} from "@/domain/import/fields";
import { planImport, type ImportPlan } from "@/domain/import/plan";
import {
  validateAccountRows,
  validateLeadRows,
  type AccountRecord,
  type ImportRecord,
  type LeadRecord,
  type RowError,
} from "@/domain/import/rows";
import type { ImportOptions } from "@/lib/schemas/imports";
import type { DbOrTx } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { ServiceContext } from "./context";

/**
 * CSV import of leads and customer accounts (docs/import.md): read the file, map its columns, check every
 * row, match rows to stored records — then, unless it is a dry run, write in one transaction with one
 * audit entry. "all" (the default) writes nothing when any row has a problem; "skip" writes the good rows
 * and reports the others.
 */
export const PREVIEW_ROWS = 10;
/** at most this many row problems go back to the browser (the count is always exact) */
export const MAX_REPORTED_ERRORS = 500;

export type ImportFieldInfo = { key: ImportField; label: string; required: boolean; hint: string | null };
export type PreviewRow = {
  row: number;
  values: Partial<Record<ImportField, string>>;
  action: "create" | "update" | "unchanged" | "error";
  problems: string[];
};
export type ImportCounts = { create: number; update: number; unchanged: number; invalid: number };

export type ImportPreview = {
  dryRun: true;
  kind: ImportKind;
  fileName: string;
  delimiter: "," | ";";
  currency: string;
  headers: string[];
  fields: ImportFieldInfo[];
  mapping: ColumnMapping;
  suggested: ColumnMapping;
  missing: string[];
  rowCount: number;
  counts: ImportCounts;
  preview: PreviewRow[];
  errors: RowError[];
  errorCount: number;
};
export type ImportSummary = {
  dryRun: false;
  kind: ImportKind;
  fileName: string;
  mode: ImportOptions["mode"];
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  skippedRows: RowError[];
};
/** "all or nothing" with problems in the file: nothing was written */
export type ImportRefused = { refused: true; message: string; errors: RowError[]; errorCount: number };

type Checked = {
  table: CsvTable;
  mapping: ColumnMapping;
  suggested: ColumnMapping;
  missing: string[];
  currency: string;
  plan: ImportPlan<ImportRecord>;
  errors: RowError[];
};

function mappingFor(
  kind: ImportKind,
  table: CsvTable,
  given: ImportOptions["mapping"],
): { mapping: ColumnMapping; suggested: ColumnMapping } {
  const suggested = autoMap(kind, table.headers);
  if (!given) return { mapping: suggested, suggested };
  const mapping: ColumnMapping = {};
  const allowed = new Set<string>(fieldsOf(kind));
  for (const [field, index] of Object.entries(given)) {
    if (index === null || index === undefined) continue;
    if (!allowed.has(field))
      throw new AppError("BAD_REQUEST", `“${field}” is not a field of this import.`, {
        fieldErrors: { mapping: `Unknown field ${field}` },
      });
    if (index >= table.headers.length) {
      throw new AppError(
        "BAD_REQUEST",
        `The file has ${table.headers.length} columns; the mapping names column ${index + 1}. Upload the file again.`,
        { fieldErrors: { mapping: "Column out of range" } },
      );
    }
    mapping[field as ImportField] = index;
  }
  return { mapping, suggested };
}

function columnName(kind: ImportKind, table: CsvTable, mapping: ColumnMapping, field: ImportField): string {
  const index = mapping[field];
  return index === undefined ? fieldDef(kind, field).label : (table.headers[index] ?? fieldDef(kind, field).label);
}

async function check(
  db: DbOrTx,
  tenantId: string,
  kind: ImportKind,
  table: CsvTable,
  given: ImportOptions["mapping"],
  currency: string,
): Promise<Checked> {
  const { mapping, suggested } = mappingFor(kind, table, given);
  const missing = missingColumns(kind, mapping);
  if (missing.length > 0) {
    return { table, mapping, suggested, missing, currency, plan: { planned: [], errors: [] }, errors: [] };
  }
  const columns = { externalId: columnName(kind, table, mapping, "externalId") };
  let plan: ImportPlan<ImportRecord>;
  let invalid: RowError[];
  if (kind === "leads") {
    const { records, errors } = validateLeadRows(table, mapping, currency);
    const stored = await storedLeadsMatching(
      db,
      tenantId,
      records.flatMap((r) => (r.externalId ? [r.externalId] : [])),
      records.map((r) => r.contactEmail),
    );
    plan = planImport("leads", records, stored, {
      ...columns,
      key: columnName(kind, table, mapping, "email"),
    });
    invalid = errors;
  } else {
    const { records, errors } = validateAccountRows(table, mapping);
    const key = mapping.website !== undefined ? "website" : "name";
    plan = planImport("accounts", records, await storedAccounts(db, tenantId), {
      ...columns,
      key: columnName(kind, table, mapping, key),
    });
    invalid = errors;
  }
  const errors = [...invalid, ...plan.errors].sort((x, y) => x.row - y.row);
  return { table, mapping, suggested, missing, currency, plan, errors };
}

function counts(c: Checked): ImportCounts {
  const n = (action: string) => c.plan.planned.filter((p) => p.action === action).length;
  return {
    create: n("create"),
    update: n("update"),
    unchanged: n("unchanged"),
    invalid: new Set(c.errors.map((e) => e.row)).size,
  };
}

function preview(kind: ImportKind, c: Checked): PreviewRow[] {
  const actions = new Map(c.plan.planned.map((p) => [p.record.row, p.action]));
  return c.table.rows.slice(0, PREVIEW_ROWS).map(({ row, cells }) => {
    const values: Partial<Record<ImportField, string>> = {};
    for (const field of fieldsOf(kind)) {
      const index = c.mapping[field];
      if (index !== undefined) values[field] = (cells[index] ?? "").trim();
    }
    const problems = c.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    return {
      row,
      values,
      action: problems.length > 0 || c.missing.length > 0 ? "error" : (actions.get(row) ?? "error"),
      problems,
    };
  });
}

function readFile(bytes: Uint8Array): CsvTable {
  const read = readCsv(bytes);
  if (!read.ok) throw new AppError("BAD_REQUEST", read.message, { fieldErrors: { file: read.message } });
  return read.table;
}

/** Dry run: what the file would do, with the mapping given or the one its headers suggest. */
export async function previewImport(
  ctx: ServiceContext,
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  options: Pick<ImportOptions, "mapping">,
): Promise<ImportPreview> {
  const table = readFile(bytes);
  const currency = await tenantCurrency(ctx.db, ctx.tenantId);
  const c = await check(ctx.db, ctx.tenantId, kind, table, options.mapping, currency);
  return {
    dryRun: true,
    kind,
    fileName,
    delimiter: table.delimiter,
    currency,
    headers: table.headers,
    fields: fieldsOf(kind).map((key) => {
      const def = fieldDef(kind, key);
      return { key, label: def.label, required: def.required ?? false, hint: def.hint ?? null };
    }),
    mapping: c.mapping,
    suggested: c.suggested,
    missing: c.missing,
    rowCount: table.rows.length,
    counts: counts(c),
    preview: preview(kind, c),
    errors: c.errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: c.errors.length,
  };
}

const AUDIT_ACTION: Record<ImportKind, { action: string; entityType: string }> = {
  leads: { action: "leads.imported", entityType: "Lead" },
  accounts: { action: "accounts.imported", entityType: "CustomerAccount" },
};

/** The import itself: one transaction, matching re-done under a per-tenant lock, one audit entry. */
export async function runImport(
  ctx: ServiceContext,
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  options: Pick<ImportOptions, "mapping" | "mode">,
): Promise<ImportSummary | ImportRefused> {
  const table = readFile(bytes);
  const currency = await tenantCurrency(ctx.db, ctx.tenantId);
  const refusal = (c: Checked): ImportRefused | null => {
    if (c.missing.length > 0)
      throw new AppError("BAD_REQUEST", c.missing.join(" "), { fieldErrors: { mapping: c.missing.join(" ") } });
    if (options.mode === "all" && c.errors.length > 0) {
      const rows = counts(c).invalid;
      return {
        refused: true,
        message: `${rows.toLocaleString("en-US")} ${rows === 1 ? "row has" : "rows have"} problems, so nothing was imported. Fix them in the file, or choose to skip rows with problems.`,
        errors: c.errors.slice(0, MAX_REPORTED_ERRORS),
        errorCount: c.errors.length,
      };
    }
    if (c.plan.planned.length === 0 && c.errors.length > 0) {
      return {
        refused: true,
        message: "No row can be imported; nothing was written.",
        errors: c.errors.slice(0, MAX_REPORTED_ERRORS),
        errorCount: c.errors.length,
      };
    }
    return null;
  };
  // checked once outside the transaction, so a file with problems never waits for the lock
  const outside = await check(ctx.db, ctx.tenantId, kind, table, options.mapping, currency);
  const early = refusal(outside);
  if (early) return early;

  return ctx.db.$transaction(
    async (tx) => {
      await lockTenantImports(tx, ctx.tenantId);
      const c = await check(tx, ctx.tenantId, kind, table, options.mapping, currency);
      const refused = refusal(c);
      if (refused) return refused;
      const creates = c.plan.planned.flatMap((p) => (p.action === "create" ? [p.record] : []));
      const updates = c.plan.planned.flatMap((p) => (p.action === "update" ? [p] : []));
      let created: number;
      if (kind === "leads") {
        created = await insertLeads(tx, ctx.tenantId, ctx.actorId, creates as LeadRecord[], ctx.now);
        for (const u of updates) await updateLeadFromImport(tx, ctx.tenantId, u.id, u.changes, ctx.now);
      } else {
        created = await insertAccounts(tx, ctx.tenantId, creates as AccountRecord[], ctx.now);
        for (const u of updates) await updateAccountFromImport(tx, ctx.tenantId, u.id, u.changes);
      }
      const summary: ImportSummary = {
        dryRun: false,
        kind,
        fileName,
        mode: options.mode,
        rowCount: table.rows.length,
        created,
        updated: updates.length,
        unchanged: c.plan.planned.length - creates.length - updates.length,
        skipped: counts(c).invalid,
        skippedRows: c.errors.slice(0, MAX_REPORTED_ERRORS),
      };
      await recordAudit(tx, {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        ...AUDIT_ACTION[kind],
        after: {
          fileName,
          mode: options.mode,
          rows: summary.rowCount,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          skipped: summary.skipped,
          mapping: Object.fromEntries(
            Object.entries(c.mapping).map(([field, index]) => [field, table.headers[index] ?? null]),
          ),
        },
        ip: ctx.ip,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      return summary;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
