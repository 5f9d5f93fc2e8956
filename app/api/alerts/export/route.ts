import { ZAlertsExportSchema } from "@/lib/schemas/alerts";
import { currentUser } from "@/server/auth/current-user";
import { can } from "@/domain/access/permissions";
import { db } from "@/server/db/client";
import { describeZodError } from "@/server/errors";
import { csvResponse } from "@/server/http/csv";
import { alertsCsv } from "@/server/services/alerts";

export const dynamic = "force-dynamic";

/** GET /api/alerts/export?status=open|resolved|all&severity=CRITICAL|HIGH|WARNING|INFO → CSV of the alerts page's filter */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  if (!can(user.role, "alerts:read"))
    return Response.json({ error: "You do not have access to this." }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const parsed = ZAlertsExportSchema.safeParse({
    status: params.get("status") ?? undefined,
    severity: params.get("severity") ?? undefined,
  });
  if (!parsed.success) return Response.json({ error: describeZodError(parsed.error).message }, { status: 400 });
  const ctx = {
    db: db(),
    tenantId: user.tenantId,
    actorId: user.id,
    ip: "",
    requestId: crypto.randomUUID(),
    now: new Date(),
  };
  const day = ctx.now.toISOString().slice(0, 10);
  return csvResponse(alertsCsv(ctx, parsed.data), `alerts-${user.tenantSlug}-${parsed.data.status}-${day}.csv`);
}
