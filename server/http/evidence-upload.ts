import { gunzipSync } from "node:zlib";
import {
  EVIDENCE_MAX_BODY_BYTES,
  EVIDENCE_MAX_FILE_BYTES,
  EVIDENCE_MAX_UPLOAD_BYTES,
  ZEvidencePayloadSchema,
  ZEvidenceUploadFieldsSchema,
} from "@/lib/schemas/evidence";
import { isReportKind, parseReport, ReportFormatError, REPORT_KINDS } from "@/domain/quality/reports/detect";
import type { PostedReport } from "@/domain/quality/evidence-merge";
import { describeZodError } from "@/server/errors";
import { submissionFromJson, type EvidenceSubmission } from "@/server/services/evidence";
import { problem, readBodyBytes } from "./rest";

/**
 * The body of POST /api/v1/evidence (docs/ci-evidence.md): today's JSON object, or multipart/form-data with
 * report files in parts named coverage, tests, sarif, audit or performance plus the fields commit (required),
 * branch, buildUrl and job. A gzip request (Content-Encoding: gzip) or gzip file is unpacked first. Limits:
 * 64 KB of JSON, 10 MB a file and 25 MB a request, unpacked (→ 413). A file that is not what its part
 * says, or is malformed, is a 400 naming the part and why; then nothing is stored.
 */

type Read = { submission: EvidenceSubmission } | { response: Response };

const MB = 1024 * 1024;
const GZIP = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const KINDS = REPORT_KINDS.join(", ");

class TooLarge extends Error {}

function gunzip(bytes: Uint8Array, limit: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new TooLarge();
    throw error;
  }
}

function badRequest(field: string, message: string) {
  return { response: problem(400, message, { fieldErrors: { [field]: message } }) };
}

function jsonSubmission(bytes: Uint8Array): Read {
  if (bytes.byteLength > EVIDENCE_MAX_BODY_BYTES)
    return { response: problem(413, `The body is larger than ${EVIDENCE_MAX_BODY_BYTES / 1024} KB.`) };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {
      response: problem(
        400,
        "The body must be a JSON object (Content-Type: application/json), or report files as multipart/form-data.",
        { fieldErrors: { input: "Not valid JSON" } },
      ),
    };
  }
  const parsed = ZEvidencePayloadSchema.safeParse(json);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    return { response: problem(400, message, { fieldErrors }) };
  }
  return { submission: submissionFromJson(parsed.data) };
}

async function fileBytes(part: string, value: FormDataEntryValue): Promise<Uint8Array> {
  const raw = typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer());
  if (raw.byteLength > EVIDENCE_MAX_FILE_BYTES) throw new TooLarge(part);
  if (!GZIP(raw)) return raw;
  try {
    return gunzip(raw, EVIDENCE_MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) throw new TooLarge(part);
    throw new ReportFormatError(`${part}: the file starts like gzip but does not unpack`);
  }
}

async function multipartSubmission(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Read> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return badRequest("input", "The body is not valid multipart/form-data (check the boundary and the parts).");
  }
  const fields: Record<string, string> = {};
  const reports: PostedReport[] = [];
  const errors: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (!isReportKind(name)) {
      if (typeof value === "string") fields[name] = value;
      else errors[name] = `${name}: not a report part; send report files as ${KINDS}`;
      continue;
    }
    const file = typeof value === "string" ? null : value.name || null;
    let text: string;
    try {
      text = new TextDecoder().decode(await fileBytes(name, value));
    } catch (error) {
      if (error instanceof TooLarge)
        return {
          response: problem(413, `${name}: ${file ?? "the file"} is larger than ${EVIDENCE_MAX_FILE_BYTES / MB} MB.`),
        };
      if (error instanceof ReportFormatError) {
        errors[name] ??= error.message;
        continue;
      }
      throw error;
    }
    try {
      reports.push({ part: name, file, report: parseReport(name, text) });
    } catch (error) {
      if (!(error instanceof ReportFormatError)) throw error;
      errors[name] ??= file ? error.message.replace(`${name}: `, `${name} (${file}): `) : error.message;
    }
  }
  const parsed = ZEvidenceUploadFieldsSchema.safeParse(fields);
  if (!parsed.success) Object.assign(errors, describeZodError(parsed.error).fieldErrors);
  if (Object.keys(errors).length === 0 && reports.length === 0)
    errors.input = `Send at least one report file, in a part named ${KINDS}`;
  if (Object.keys(errors).length > 0 || !parsed.success)
    return { response: problem(400, Object.values(errors).join("; "), { fieldErrors: errors }) };
  const { commit, branch, job, buildUrl, projectId } = parsed.data;
  return { submission: { projectId, commitSha: commit, branch, job, buildUrl, reports } };
}

/** Reads and checks the body; a response (400/413) when it cannot be stored. */
export async function readEvidenceSubmission(request: Request): Promise<Read> {
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data\b/i.test(contentType);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip")
    return {
      response: problem(415, `Content-Encoding ${encoding} is not supported: send the body as is or gzip it.`),
    };
  const limit = multipart || encoding === "gzip" ? EVIDENCE_MAX_UPLOAD_BYTES : EVIDENCE_MAX_BODY_BYTES;
  const raw = await readBodyBytes(request, limit);
  if (raw === null) return { response: problem(413, `The body is larger than ${describeLimit(limit)}.`) };
  let bytes = raw;
  if (encoding === "gzip") {
    try {
      bytes = new Uint8Array(gunzip(raw, EVIDENCE_MAX_UPLOAD_BYTES));
    } catch (error) {
      if (error instanceof TooLarge)
        return {
          response: problem(413, `The body is larger than ${describeLimit(EVIDENCE_MAX_UPLOAD_BYTES)} unpacked.`),
        };
      return badRequest("input", "The body says Content-Encoding: gzip but does not unpack.");
    }
  }
  return multipart ? multipartSubmission(bytes, contentType) : jsonSubmission(bytes);
}

const describeLimit = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} KB`);
