import { ZListLeadsSchema, LEAD_STAGES } from "@/lib/schemas/leads";
import { currentUser } from "@/server/auth/current-user";
import { can } from "@/domain/access/permissions";
import { db } from "@/server/db/client";
import { describeZodError } from "@/server/errors";
import { csvResponse } from "@/server/http/csv";
import { leadsCsv } from "@/server/services/leads";

export const dynamic = "force-dynamic";

/** GET /api/leads/export?q=&stage=NEW&stage=QUALIFIED&minScore=&maxScore=&source=&sort=&dir= → CSV, the leads page's own query string */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in to continue." }, { status: 401 });
  if (!can(user.role, "pipeline:read"))
    return Response.json({ error: "You do not have access to this." }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const parsed = ZListLeadsSchema.safeParse({
    search: params.get("q") ?? undefined,
    stages: params.getAll("stage").filter((s) => (LEAD_STAGES as readonly string[]).includes(s)),
    source: params.get("source") ?? undefined,
    minScore: num("minScore"),
    maxScore: num("maxScore"),
    sort: params.get("sort") ?? undefined,
    direction: params.get("dir") ?? undefined,
  });
  if (!parsed.success) return Response.json({ error: describeZodError(parsed.error).message }, { status: 400 });
  const { page: _page, pageSize: _pageSize, ...filters } = parsed.data;
  const ctx = {
    db: db(),
    tenantId: user.tenantId,
    actorId: user.id,
    ip: "",
    requestId: crypto.randomUUID(),
    now: new Date(),
  };
  const day = ctx.now.toISOString().slice(0, 10);
  return csvResponse(leadsCsv(ctx, filters), `leads-${user.tenantSlug}-${day}.csv`);
}
