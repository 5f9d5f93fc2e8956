import { z } from "zod";
import { readMoneyField } from "@/lib/money";

/**
 * Text as typed in a form → the value the shared schema checks (docs/architecture.md#one-way-for-each-thing).
 * A form's resolver is the shared `lib/schemas` schema with its number, money and list fields wrapped in
 * these, so the form holds text while the rules and messages stay the schema's own.
 */

/** "" → undefined (so the schema's own "Enter the … as a number" shows), "1,200" → 1200, "abc" → NaN. */
export function readNumberText(text: string): number | undefined {
  const trimmed = text.trim().replace(/,/g, "");
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Splits text on a separator, trims each entry and drops the blank ones. */
export function readListText(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A number field held as text, checked by `schema` (a number schema from lib/schemas). */
export function numberText<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, string> {
  return z
    .string()
    .transform(readNumberText)
    .pipe(schema as z.ZodType<z.output<T>, number | undefined>);
}

/** A list held as text (one entry per line, or comma-separated), checked by `schema`. */
export function listText<T extends z.ZodType>(schema: T, separator: RegExp): z.ZodType<z.output<T>, string> {
  return z
    .string()
    .transform((text) => readListText(text, separator))
    .pipe(schema as z.ZodType<z.output<T>, string[]>);
}

/** An amount held as text ("$1,234.50", "1.234,50 €"), read in the currency's words, checked in cents. */
export function moneyText<T extends z.ZodType>(schema: T, currency?: string): z.ZodType<z.output<T>, string> {
  return z
    .string()
    .transform((text, ctx) => {
      const read = readMoneyField(text, currency);
      if (read.error) {
        ctx.addIssue({ code: "custom", message: read.error });
        return z.NEVER;
      }
      return read.cents;
    })
    .pipe(schema as z.ZodType<z.output<T>, number | undefined>);
}

/** Optional text: blank → undefined, else the trimmed text, checked by `schema`. */
export function optionalText<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, string> {
  return z
    .string()
    .transform((text) => (text.trim() === "" ? undefined : text))
    .pipe(schema as z.ZodType<z.output<T>, string | undefined>);
}
