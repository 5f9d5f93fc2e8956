import "server-only";

/**
 * A list search as a case-insensitive "contains" filter. Prisma's `contains` becomes ILIKE '%…%' and
 * passes `%` and `_` through as wildcards (a search for "%" would match every row), so the text is
 * escaped with PostgreSQL's default LIKE escape character, the backslash: every list search matches
 * what was typed, literally.
 */
export function containsText(search: string) {
  return { contains: search.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
