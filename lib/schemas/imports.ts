import { z } from "zod";
import { ACCOUNT_FIELDS, LEAD_FIELDS } from "@/domain/import/fields";

/** The form fields of POST /api/import/{leads|accounts} besides the file (docs/import.md#the-api). */
export const IMPORT_MODES = ["all", "skip"] as const;

const column = z
  .number()
  .int("Column numbers are whole numbers")
  .min(0, "Column numbers start at 0")
  .max(999, "That column does not exist");
const field = z.enum([...new Set([...LEAD_FIELDS, ...ACCOUNT_FIELDS])]);
export const ZImportMappingSchema = z.partialRecord(field, column.nullable());

export const ZImportOptionsSchema = z.object({
  mode: z.enum(IMPORT_MODES, { message: "Choose “all or nothing” or “skip rows with errors”" }).default("all"),
  // a dry run unless the caller says otherwise: nothing is written by accident
  dryRun: z
    .enum(["true", "false", "1", "0"], { message: "dryRun is true or false" })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  mapping: ZImportMappingSchema.optional(),
});

export type ImportOptions = z.infer<typeof ZImportOptionsSchema>;

/**
 * The import wizard's choices (components/import/import-wizard.tsx) as its controls hold them: each field's
 * column number as the select's text, "" for "not imported". Parsed, they are the API's mode and mapping.
 */
export const ZImportChoicesSchema = z.object({
  mode: ZImportOptionsSchema.shape.mode,
  mapping: z.partialRecord(
    field,
    z
      .string()
      .transform((v) => (v === "" ? null : Number(v)))
      .pipe(column.nullable()),
  ),
});

export type ImportChoicesInput = z.input<typeof ZImportChoicesSchema>;
