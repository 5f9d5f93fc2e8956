import { ZIdSchema } from "@/lib/schemas/common";
import { db } from "@/server/db/client";
import { withSession } from "@/server/http/with-session";
import { brandingLogo } from "@/server/services/branding";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Logo not found", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    },
  });

/**
 * GET /api/branding/logo/<tenantId>?v=<version> — a tenant's portal logo (docs/branding.md#logo-url).
 * Public: it appears in emails. Served with its exact type, nosniff and a CSP that lets an SVG run
 * nothing and load nothing. The URL carries the logo's version, so a matching `v` is cached for a year;
 * any other `v` (or none) is revalidated after five minutes. An unknown tenant, or one without a logo,
 * is 404.
 */
export const GET = withSession<{ tenantId: string }>("public", async ({ request, params }) => {
  const parsed = ZIdSchema.safeParse(params.tenantId);
  if (!parsed.success) return notFound();
  const logo = await brandingLogo(db(), parsed.data);
  if (!logo) return notFound();
  const current = new URL(request.url).searchParams.get("v") === logo.version;
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.contentType,
      "content-length": String(logo.bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      "content-disposition": `inline; filename="logo.${logo.contentType === "image/png" ? "png" : "svg"}"`,
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
      // mail clients and their image proxies load it from other origins
      "cross-origin-resource-policy": "cross-origin",
      etag: `"${logo.version}"`,
    },
  });
});
