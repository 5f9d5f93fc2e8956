import { ZAlertsExportSchema } from "@/lib/schemas/alerts";
import { describeZodError } from "@/server/errors";
import { csvResponse } from "@/server/http/csv";
import { problem } from "@/server/http/rest";
import { withSession } from "@/server/http/with-session";
import { alertsCsv } from "@/server/services/alerts";

export const dynamic = "force-dynamic";

/** GET /api/alerts/export?status=open|resolved|all&severity=CRITICAL|HIGH|WARNING|INFO → CSV of the alerts page's filter */
export const GET = withSession("alerts:read", ({ request, ctx, user }) => {
  const params = new URL(request.url).searchParams;
  const parsed = ZAlertsExportSchema.safeParse({
    status: params.get("status") ?? undefined,
    severity: params.get("severity") ?? undefined,
  });
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    return problem(400, message, { fieldErrors });
  }
  const day = ctx.now.toISOString().slice(0, 10);
  return csvResponse(alertsCsv(ctx, parsed.data), `alerts-${user.tenantSlug}-${parsed.data.status}-${day}.csv`);
});
