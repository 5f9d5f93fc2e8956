import { z } from "zod";
import { ZIdSchema } from "./common";

/**
 * The CI evidence API's payload (POST /api/v1/evidence, docs/ci-evidence.md). Bounds are the metric's
 * own scale, so a typo (coverage 950) is a 400 the pipeline shows, not a gate silently passed. Unknown
 * keys are rejected for the same reason ("coverge" would otherwise drop the metric without a word).
 */

/** Whole request body, in bytes, before JSON parsing (→ 413). */
export const EVIDENCE_MAX_BODY_BYTES = 64 * 1024;
/** A multipart post of report files (docs/ci-evidence.md#report-files): each file, and the whole request (→ 413). */
export const EVIDENCE_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Branch and job names as CI systems print them. */
export const EVIDENCE_MAX_NAME = 255;
/** Free-form extra metrics: at most this many keys, and this many bytes once serialised. */
export const EVIDENCE_MAX_EXTRA_METRICS = 50;
export const EVIDENCE_MAX_EXTRA_METRICS_BYTES = 8 * 1024;
export const EVIDENCE_MAX_BUILD_URL = 2048;
/** One hour: a p95 above it is a broken benchmark, not a measurement. */
export const EVIDENCE_MAX_P95_MS = 3_600_000;

const count = (what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(1_000_000, `${what} is at most 1,000,000`);

const zCommit = (name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${name} is required: the commit the reports are for`
          : `${name} must be 7 to 40 hexadecimal characters`,
    })
    .trim()
    .regex(/^[0-9a-fA-F]{7,40}$/, `${name} must be 7 to 40 hexadecimal characters`)
    .transform((s) => s.toLowerCase());

const zBuildUrl = z
  .string()
  .trim()
  .max(EVIDENCE_MAX_BUILD_URL, `buildUrl is at most ${EVIDENCE_MAX_BUILD_URL} characters`)
  .url("buildUrl must be a URL")
  .refine((u) => /^https?:\/\//i.test(u), "buildUrl must start with http:// or https://");

const zName = (name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} cannot be empty`)
    .max(EVIDENCE_MAX_NAME, `${name} is at most ${EVIDENCE_MAX_NAME} characters`);

/** The text fields of a multipart post of report files: commit required, the others optional. */
export const ZEvidenceUploadFieldsSchema = z.strictObject(
  {
    commit: zCommit("commit"),
    branch: zName("branch").optional(),
    job: zName("job").optional(),
    buildUrl: zBuildUrl.optional(),
    projectId: ZIdSchema.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field(s): ${issue.keys.join(", ")}: send commit, branch, buildUrl, job and report files named coverage, tests, sarif, audit or performance`
        : undefined,
  },
);
export type EvidenceUploadFields = z.infer<typeof ZEvidenceUploadFieldsSchema>;

const extraValue = z.union(
  [z.number(), z.string().max(500, "Text metrics are at most 500 characters"), z.boolean(), z.null()],
  {
    error: "An extra metric is a number, a text, true/false or null (no nested objects or lists)",
  },
);

export const ZEvidencePayloadSchema = z
  .strictObject(
    {
      /** optional: when given it must be the token's own project */
      projectId: ZIdSchema.optional(),
      coverage: z
        .number({ message: "coverage must be a number (percent of lines covered)" })
        .min(0, "coverage is a percentage: at least 0")
        .max(100, "coverage is a percentage: at most 100")
        .optional(),
      complexity: z
        .number({ message: "complexity must be a number" })
        .min(0, "complexity cannot be negative")
        .max(10_000, "complexity is at most 10,000")
        .optional(),
      maintainability: z
        .number({ message: "maintainability must be a number (0–10)" })
        .min(0, "maintainability is a 0–10 score: at least 0")
        .max(10, "maintainability is a 0–10 score: at most 10")
        .optional(),
      vulnerabilities: z
        .strictObject({
          high: count("vulnerabilities.high").optional(),
          critical: count("vulnerabilities.critical").optional(),
        })
        .refine(
          (v) => v.high !== undefined || v.critical !== undefined,
          "Give vulnerabilities.high, vulnerabilities.critical or both",
        )
        .optional(),
      benchmarkP95Ms: z
        .number({ message: "benchmarkP95Ms must be a number of milliseconds" })
        .positive("benchmarkP95Ms must be above 0 ms")
        .max(EVIDENCE_MAX_P95_MS, "benchmarkP95Ms is at most 3,600,000 ms (one hour)")
        .optional(),
      tests: z.strictObject({ passed: count("tests.passed"), failed: count("tests.failed") }).optional(),
      commitSha: zCommit("commitSha").optional(),
      buildUrl: zBuildUrl.optional(),
      metrics: z
        .record(z.string().min(1).max(64, "Metric names are at most 64 characters"), extraValue)
        .refine(
          (m) => Object.keys(m).length <= EVIDENCE_MAX_EXTRA_METRICS,
          `At most ${EVIDENCE_MAX_EXTRA_METRICS} extra metrics`,
        )
        .refine(
          (m) => new TextEncoder().encode(JSON.stringify(m)).length <= EVIDENCE_MAX_EXTRA_METRICS_BYTES,
          "Extra metrics are at most 8 KB",
        )
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown field(s): ${issue.keys.join(", ")} (see docs/ci-evidence.md)`
          : issue.code === "invalid_type"
            ? "The body must be a JSON object of metrics"
            : undefined,
    },
  )
  .refine(
    (v) =>
      [v.coverage, v.complexity, v.maintainability, v.vulnerabilities, v.benchmarkP95Ms, v.tests].some(
        (m) => m !== undefined,
      ),
    {
      message:
        "Send at least one metric: coverage, complexity, maintainability, vulnerabilities, benchmarkP95Ms or tests",
      path: ["input"],
    },
  );

export type EvidencePayload = z.infer<typeof ZEvidencePayloadSchema>;

export const ZListEvidenceSchema = z.object({
  projectId: ZIdSchema,
  take: z.number().int().min(1).max(100).default(20),
});
