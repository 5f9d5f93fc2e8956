import { randomUUID } from "node:crypto";
import { ZIdSchema } from "@/lib/schemas/common";
import { currentUser } from "@/server/auth/current-user";
import { can } from "@/domain/access/permissions";
import { db } from "@/server/db/client";
import { certificateFileName, renderCertificateHtml } from "@/domain/signoff/certificate";
import { AppError } from "@/server/errors";
import { documentBrand } from "@/server/services/branding";
import { milestoneCertificate } from "@/server/services/signoffs";

export const dynamic = "force-dynamic";

const LOCKED_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function problem(status: number, error: string) {
  // this route sets its own CSP (next.config.ts leaves it out), so its refusals carry the locked-down one
  return new Response(error, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": LOCKED_CSP,
    },
  });
}

/**
 * GET /api/portal/certificate/<milestoneId>[?download=1] — a week's sign-off certificate as printable
 * HTML (docs/domain.md#sign-offs). A customer gets their own account's weeks only; staff with delivery access any week of
 * their tenant. Another account's or tenant's week, and an unknown id, are all "not found".
 */
export async function GET(request: Request, { params }: { params: Promise<{ milestoneId: string }> }) {
  const user = await currentUser();
  if (!user) return problem(401, "Sign in to download the certificate.");
  const customer = can(user.role, "portal:read");
  if (!customer && !can(user.role, "delivery:read")) return problem(403, "You do not have access to this.");
  if (customer && !user.customerAccountId) return problem(403, "Your user is not linked to a customer account.");
  const parsed = ZIdSchema.safeParse((await params).milestoneId);
  if (!parsed.success) return problem(404, "Milestone not found");
  const ctx = {
    db: db(),
    tenantId: user.tenantId,
    actorId: user.id,
    ip: "",
    requestId: request.headers.get("x-request-id") ?? randomUUID(),
    now: new Date(),
  };
  try {
    const certificate = await milestoneCertificate(ctx, parsed.data, customer ? user.customerAccountId : null);
    const download = new URL(request.url).searchParams.get("download") === "1";
    // the provider's name, logo and accent (docs/branding.md#documents); none set → as before
    const brand = await documentBrand(db(), user.tenantId);
    return new Response(
      renderCertificateHtml(brand ? { ...certificate, provider: brand.name } : certificate, brand ?? undefined),
      {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "content-disposition": `${download ? "attachment" : "inline"}; filename="${certificateFileName(certificate)}"`,
          "cache-control": "no-store",
          // the document carries no script: nothing but its own inline styles and the embedded logo may load
          "content-security-policy":
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        },
      },
    );
  } catch (error) {
    if (error instanceof AppError) return problem(error.status, error.message);
    throw error;
  }
}
