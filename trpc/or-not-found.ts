import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * A page's data, or Next's 404 page: another tenant's or account's id, an unknown id and a malformed id all
 * read "not found" (docs/security.md), so NOT_FOUND and BAD_REQUEST from the procedure become notFound().
 * Every other error goes on to the error page.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
