import { certificateRoute } from "@/server/http/documents";

export const dynamic = "force-dynamic";

/**
 * GET /api/portal/certificate/<milestoneId>[?download=1] — a week's sign-off certificate as printable
 * HTML. A customer gets their own account's weeks only; staff with delivery access any week of their
 * tenant. Another account's or tenant's week, and an unknown id, are all "not found". See
 * server/http/documents.ts.
 */
export const GET = certificateRoute;
