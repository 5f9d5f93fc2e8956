import { dossierFileName } from "@/domain/guarantee/dossier";
import { renderDossierHtml } from "@/domain/guarantee/dossier-html";
import { certificateFileName, renderCertificateHtml } from "@/domain/signoff/certificate";
import { ZIdSchema } from "@/lib/schemas/common";
import type { DocumentBrand } from "@/lib/html";
import { documentBrand } from "@/server/services/branding";
import type { ServiceContext } from "@/server/services/context";
import { milestoneCertificate } from "@/server/services/signoffs";
import { successDossierFor } from "@/server/services/success-dossier";
import type { Extra } from "./rest";
import { withSession } from "./with-session";

/**
 * The printable documents — a week's sign-off certificate and a met guarantee's success dossier — as
 * one kind of route (docs/branding.md#documents): a customer of the account or staff with delivery
 * access, the provider's brand, `?download=1` for an attachment. These routes set their own CSP
 * (next.config.ts leaves it out): the document carries no script, so nothing but its inline styles and
 * the embedded logo may load, and its refusals are plain text under a locked-down policy.
 */
const LOCKED_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function refuseAsText(status: number, message: string, extra: Extra) {
  return new Response(message, {
    status,
    headers: {
      ...extra.headers,
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": LOCKED_CSP,
    },
  });
}

type Rendered = { provider: string };
type DocumentKind<D extends Rendered> = {
  /** the route's parameter and the thing it names ("Project not found") */
  param: string;
  what: string;
  signIn: string;
  load: (ctx: ServiceContext, id: string, customerAccountId: string | null) => Promise<D>;
  render: (d: D, brand?: DocumentBrand) => string;
  fileName: (d: D) => string;
};

function documentRoute<D extends Rendered>(kind: DocumentKind<D>) {
  return withSession(
    { staff: "delivery:read", customer: "portal:read" },
    async ({ request, params, ctx, customerAccountId }) => {
      const id = ZIdSchema.safeParse(params[kind.param]);
      if (!id.success) return refuseAsText(404, `${kind.what} not found`, {});
      const doc = await kind.load(ctx, id.data, customerAccountId);
      const download = new URL(request.url).searchParams.get("download") === "1";
      // the provider's name, logo and accent (docs/branding.md#documents); none set → the tenant's name
      const brand = await documentBrand(ctx.db, ctx.tenantId);
      return new Response(kind.render(brand ? { ...doc, provider: brand.name } : doc, brand ?? undefined), {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "content-disposition": `${download ? "attachment" : "inline"}; filename="${kind.fileName(doc)}"`,
          "cache-control": "no-store",
          "content-security-policy": DOCUMENT_CSP,
        },
      });
    },
    { refuse: refuseAsText, signIn: kind.signIn },
  );
}

/** GET /api/dossier/<projectId>: a met guarantee's success dossier (docs/domain.md#guarantee); not met → 409. */
export const dossierRoute = documentRoute({
  param: "projectId",
  what: "Project",
  signIn: "Sign in to open the success dossier.",
  load: successDossierFor,
  render: renderDossierHtml,
  fileName: dossierFileName,
});

/** GET /api/portal/certificate/<milestoneId>: a week's sign-off certificate (docs/domain.md#sign-offs). */
export const certificateRoute = documentRoute({
  param: "milestoneId",
  what: "Milestone",
  signIn: "Sign in to download the certificate.",
  load: milestoneCertificate,
  render: renderCertificateHtml,
  fileName: certificateFileName,
});
