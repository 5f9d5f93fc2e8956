import { ZImportOptionsSchema } from "@/lib/schemas/imports";
import type { Permission } from "@/domain/access/permissions";
import { IMPORT_LIMITS } from "@/domain/import/csv";
import type { ImportKind } from "@/domain/import/fields";
import { describeZodError } from "@/server/errors";
import { previewImport, runImport } from "@/server/services/imports";
import { problem, readBodyBytes } from "./rest";
import { withSession } from "./with-session";

/**
 * POST /api/import/{leads|accounts} (docs/import.md#the-api): multipart/form-data with `file` (the CSV),
 * optional `mapping` (JSON: field → column number), `mode` ("all" | "skip") and `dryRun` ("true" unless
 * "false" is sent). Signed-in staff with the kind's permission, in their own tenant; cross-site posts are
 * refused (withSession). The body is read with a cap, whatever Content-Length says.
 */
const PERMISSION: Record<ImportKind, Permission> = { leads: "leads:write", accounts: "accounts:write" };
/** the file plus the small form fields around it */
const MAX_BODY_BYTES = IMPORT_LIMITS.maxBytes + 64 * 1024;
const TOO_LARGE = `The file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split it into smaller files (at most ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows each).`;

/** The route of one import kind: the kind's permission, a same-origin multipart POST. */
export function importRoute(kind: ImportKind) {
  return withSession(PERMISSION[kind], async ({ request, ctx }) => {
    const type = request.headers.get("content-type") ?? "";
    if (!/^multipart\/form-data\s*;/i.test(type))
      return problem(415, "Send the file as multipart/form-data (a form with a “file” field).");
    const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
    if (bytes === null) return problem(413, TOO_LARGE);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    } catch {
      return problem(400, "The upload could not be read. Choose the file again.", {
        fieldErrors: { file: "Unreadable upload" },
      });
    }
    const file = form.get("file");
    if (!(file instanceof File))
      return problem(400, "Choose a CSV file to import.", { fieldErrors: { file: "Choose a CSV file" } });
    if (file.size > IMPORT_LIMITS.maxBytes) return problem(413, TOO_LARGE);
    let mapping: unknown;
    const mappingText = form.get("mapping");
    if (typeof mappingText === "string" && mappingText.trim() !== "") {
      try {
        mapping = JSON.parse(mappingText);
      } catch {
        return problem(400, "The column mapping is not valid JSON.", { fieldErrors: { mapping: "Not valid JSON" } });
      }
    }
    const text = (key: string) => {
      const v = form.get(key);
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const parsed = ZImportOptionsSchema.safeParse({ mode: text("mode"), dryRun: text("dryRun"), mapping });
    if (!parsed.success) {
      const { message, fieldErrors } = describeZodError(parsed.error);
      return problem(400, message, { fieldErrors });
    }
    const content = new Uint8Array(await file.arrayBuffer());
    const fileName = (file.name || "upload.csv").slice(0, 200);
    const headers = { "cache-control": "no-store" };
    if (parsed.data.dryRun)
      return Response.json(await previewImport(ctx, kind, fileName, content, parsed.data), { headers });
    const result = await runImport(ctx, kind, fileName, content, parsed.data);
    if ("refused" in result)
      return Response.json(
        { error: result.message, rowErrors: result.errors, errorCount: result.errorCount },
        { status: 400, headers },
      );
    return Response.json(result, { headers });
  });
}
