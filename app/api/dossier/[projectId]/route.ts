import { dossierRoute } from "@/server/http/documents";

export const dynamic = "force-dynamic";

/**
 * GET /api/dossier/<projectId>[?download=1] — the success dossier of a met guarantee as printable HTML
 * ("Print → Save as PDF" gives the PDF). A customer gets their own account's projects only; staff with
 * delivery access any project of their tenant. Another account's or tenant's project and an unknown id
 * all read "not found"; a guarantee not met has no dossier (409). See server/http/documents.ts.
 */
export const GET = dossierRoute;
