import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { currentUser } from "./current-user";
import type { SessionUser } from "./session-user";

/**
 * Page-level access check (never only in a layout or proxy — CVE-2025-29927): anonymous → login;
 * signed in without the permission → "not found", which reveals nothing about the page.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) notFound();
  return user;
}
