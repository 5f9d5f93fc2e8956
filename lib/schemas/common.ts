import { z } from "zod";

/** Record ids are cuids; anything else can only be "not found", so say so early and clearly. */
export const ZIdSchema = z
  .string()
  .trim()
  .min(1, "An id is required")
  .max(64, "That id is too long")
  // letters, digits, - and _ only: a NUL byte or other control character would otherwise reach the database
  .regex(/^[A-Za-z0-9_-]*$/, "That is not a valid id");

export const ZPaginationSchema = z.object({
  page: z.number().int().min(1, "Pages start at 1").max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100, "At most 100 rows per page").default(25),
});

export const ZEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .email("Enter a valid email address");

export const ZPersonNameSchema = z.string().trim().min(1, "Enter a name").max(120, "Names are at most 120 characters");
