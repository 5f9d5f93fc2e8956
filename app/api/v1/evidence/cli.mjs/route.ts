import { evidenceCliScript } from "@/server/http/evidence-cli/script";

export const dynamic = "force-static";

/**
 * GET /api/v1/evidence/cli.mjs — the dependency-free Node script a CI step runs to post its report files
 * (docs/ci-evidence.md#one-line-ci-step). Public: it holds no secret; the token comes from the CI's
 * environment. The version is in the script and in the X-Onward-Cli-Version header.
 */
export function GET() {
  const { source, version } = evidenceCliScript();
  return new Response(source, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "content-disposition": 'inline; filename="onward-evidence.mjs"',
      "cache-control": "public, max-age=300",
      "x-onward-cli-version": version,
    },
  });
}
