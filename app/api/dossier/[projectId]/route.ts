import { ZIdSchema } from "@/lib/schemas/common";
import { currentUser } from "@/server/auth/current-user";
import { can } from "@/domain/access/permissions";
import { db } from "@/server/db/client";
import { dossierFileName } from "@/domain/guarantee/dossier";
import { renderDossierHtml } from "@/domain/guarantee/dossier-html";
import { AppError } from "@/server/errors";
import { documentBrand } from "@/server/services/branding";
import { successDossierFor } from "@/server/services/success-dossier";

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
 * GET /api/dossier/<projectId>[?download=1] — the success dossier of a met guarantee as printable HTML
 * (docs/domain.md#guarantee; "Print → Save as PDF" gives the PDF). A customer gets their own account's projects only; staff
 * with delivery access any project of their tenant. Another account's or tenant's project and an unknown
 * id all read "not found"; a guarantee not met has no dossier (409).
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const user = await currentUser();
  if (!user) return problem(401, "Sign in to open the success dossier.");
  const customer = can(user.role, "portal:read");
  if (!customer && !can(user.role, "delivery:read")) return problem(403, "You do not have access to this.");
  if (customer && !user.customerAccountId) return problem(403, "Your user is not linked to a customer account.");
  const parsed = ZIdSchema.safeParse((await params).projectId);
  if (!parsed.success) return problem(404, "Project not found");
  try {
    const dossier = await successDossierFor(
      { db: db(), tenantId: user.tenantId, now: new Date() },
      parsed.data,
      customer ? user.customerAccountId : null,
    );
    const download = new URL(request.url).searchParams.get("download") === "1";
    // the provider's name, logo and accent (docs/branding.md#documents); none set → as before
    const brand = await documentBrand(db(), user.tenantId);
    return new Response(renderDossierHtml(brand ? { ...dossier, provider: brand.name } : dossier, brand ?? undefined), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-disposition": `${download ? "attachment" : "inline"}; filename="${dossierFileName(dossier)}"`,
        "cache-control": "no-store",
        // the document carries no script: nothing but its own inline styles and the embedded logo may load
        "content-security-policy":
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return problem(error.status, error.message);
    throw error;
  }
}
