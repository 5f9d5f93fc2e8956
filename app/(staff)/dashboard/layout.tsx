import { requirePermission } from "@/server/auth/guard";

/**
 * Access is decided here, above the pages' loading boundaries, so a refused visit answers 404 before any
 * streaming starts (docs/security.md#web-hardening-decisions); each page still checks it too.
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("dashboard:read");
  return children;
}
