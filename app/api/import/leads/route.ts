import { importRoute } from "@/server/http/import";

export const dynamic = "force-dynamic";

/** POST /api/import/leads: preview (dry run) or import a CSV of leads — see docs/import.md#the-api */
export const POST = importRoute("leads");
