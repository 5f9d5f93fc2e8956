import { requirePermission } from "@/server/auth/guard";

/** Access above the loading boundary: a refused visit answers 404, not a streamed one (docs/security.md#web-hardening-decisions). */
export default async function ScoringLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("config:read");
  return children;
}
