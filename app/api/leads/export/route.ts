import { ZListLeadsSchema, LEAD_STAGES } from "@/lib/schemas/leads";
import { describeZodError } from "@/server/errors";
import { csvResponse } from "@/server/http/csv";
import { problem } from "@/server/http/rest";
import { withSession } from "@/server/http/with-session";
import { leadsCsv } from "@/server/services/leads";

export const dynamic = "force-dynamic";

/** GET /api/leads/export?q=&stage=NEW&stage=QUALIFIED&minScore=&maxScore=&source=&sort=&dir= → CSV, the leads page's own query string */
export const GET = withSession("pipeline:read", ({ request, ctx, user }) => {
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
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    return problem(400, message, { fieldErrors });
  }
  const { page: _page, pageSize: _pageSize, ...filters } = parsed.data;
  const day = ctx.now.toISOString().slice(0, 10);
  return csvResponse(leadsCsv(ctx, filters), `leads-${user.tenantSlug}-${day}.csv`);
});
