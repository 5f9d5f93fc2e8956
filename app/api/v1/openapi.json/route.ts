import { serverEnv } from "@/lib/env";
import { withSession } from "@/server/http/with-session";
import { openApiDocument } from "@/server/http/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document (docs/api.md); public, like the reference page. */
export const GET = withSession("public", () =>
  Response.json(openApiDocument(serverEnv().APP_URL), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  }),
);
