import { importRoute } from "@/server/http/import";

export const dynamic = "force-dynamic";

/** POST /api/import/accounts: preview (dry run) or import a CSV of accounts — see docs/import.md#the-api */
export const POST = importRoute("accounts");
