import { z } from "zod";

/**
 * A list page's URL (docs/architecture.md#one-way-for-each-thing): every search param is read by a zod
 * schema built from these fields, each of which falls back (`catch`) instead of failing, so a hand-edited
 * or stale link (`?page=x`, `?status=gone`) shows the default view, never an error page.
 */

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? (v as unknown[])[0] : v);
const blankToUndefined = (v: unknown) => {
  const one = first(v);
  return typeof one === "string" && one.trim() === "" ? undefined : one;
};

/** `?page=`: a whole number from 1 to 10,000, else 1. */
export const zPageParam = z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1);

/** One of `values`, else `fallback` (undefined when none is given: "no filter"). */
export function zOneOfParam<const T extends readonly [string, ...string[]]>(
  values: T,
): z.ZodType<T[number] | undefined>;
export function zOneOfParam<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
): z.ZodType<T[number]>;
export function zOneOfParam<const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) {
  const known: readonly string[] = values;
  const read = (v: unknown): T[number] | undefined => {
    const one = first(v);
    return typeof one === "string" && known.includes(one) ? one : fallback;
  };
  return z.unknown().optional().transform(read);
}

/** A repeated param (`?stage=NEW&stage=LOST`): the known values, in order, without repeats. */
export function zManyOfParam<const T extends readonly [string, ...string[]]>(values: T) {
  const known: readonly string[] = values;
  return z
    .preprocess(
      (v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
      z.array(z.string()),
    )
    .transform((list) => [...new Set(list.filter((s): s is T[number] => known.includes(s)))])
    .catch([]);
}

/** Free text (a search box): trimmed, at most `max` characters, blank → undefined. */
export function zTextParam(max = 100) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max).optional()).catch(undefined);
}

/** A number between `min` and `max`, else undefined. */
export function zNumberParam(min: number, max: number) {
  return z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional()).catch(undefined);
}

/** A flag that is on when the param is "1". */
export const zFlagParam = z.preprocess(first, z.literal("1").optional()).transform(Boolean).catch(false);

/** The search params read by `schema`: always succeeds, because every field falls back. */
export function parseSearchParams<T extends z.ZodType>(schema: T, raw: RawSearchParams): z.output<T> {
  return schema.parse(raw);
}

export type ParamValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * `path?query` from values: null, undefined, "", false and page 1 are left out, arrays repeat the key, true
 * is "1". Used for every filter, sort and page link, so a view's URL is the same whichever link led to it.
 */
export function listHref(path: string, values: Record<string, ParamValue>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) q.append(key, v);
    else q.set(key, value === true ? "1" : String(value));
  }
  const query = q.toString();
  return query ? `${path}?${query}` : path;
}
