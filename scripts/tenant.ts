/**
 * Operator commands for workspaces (docs/signup.md#cli):
 *   npm run tenant:create -- --name "Acme Studio" --slug acme --admin-email ada@acme.example [--admin-name "Ada Lovelace"]
 *   npm run tenant:list
 *   npm run tenant:sso-off -- <slug>
 * create: a workspace through the same provisioning as the self-serve sign-up, and a one-time
 * set-password link for its admin (printed; the admin opens it to choose a password).
 * sso-off: password sign-in back on for a workspace whose identity provider is down after its admin turned
 * password sign-in off (docs/security.md#single-sign-on); single sign-on stays set up; audited.
 */
import { parseArgs } from "node:util";
import { restorePasswordSignIn } from "../server/services/sso";
import { createWorkspaceForOperator, workspaceList } from "../server/services/workspaces";
import { appUrl, fail, withOperatorDb } from "./operator-db";

const command = process.argv[2];

async function create(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
    },
    strict: true,
  });
  const missing = (["name", "slug", "admin-email"] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.map((m) => `--${m}`).join(", ")} (usage: npm run tenant:create -- --name "…" --slug … --admin-email … [--admin-name …])`,
    );
  }
  const adminEmail = values["admin-email"] ?? "";
  const input = {
    name: values.name,
    slug: values.slug,
    adminEmail,
    adminName: values["admin-name"] ?? adminEmail.split("@")[0],
  };
  const result = await withOperatorDb("npm run tenant:create", (db) =>
    createWorkspaceForOperator(db, input, appUrl(), new Date()),
  );
  console.log(`Created workspace "${result.tenant.name}" (${result.tenant.slug}) with admin ${result.adminEmail}.`);
  console.log(`Give the admin this one-time link to choose a password (valid ${result.linkValidDays} days):`);
  console.log(result.link);
}

async function list() {
  const rows = await withOperatorDb("npm run tenant:list", (db) => workspaceList(db));
  if (rows.length === 0) {
    console.log('No workspaces yet. Create one: npm run tenant:create -- --name "…" --slug … --admin-email …');
    return;
  }
  const header = ["slug", "name", "users", "created"];
  const table = [header, ...rows.map((r) => [r.slug, r.name, String(r.users), r.createdAt.toISOString().slice(0, 10)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    );
}

async function ssoOff(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const [slug] = positionals;
  if (!slug || positionals.length > 1) throw new Error("usage: npm run tenant:sso-off -- <slug>");
  const result = await withOperatorDb("npm run tenant:sso-off", (db) => restorePasswordSignIn(db, slug, new Date()));
  const domains = result.domains.join(", ") || "no domains";
  console.log(
    result.changed
      ? `Password sign-in is back on for ${result.slug} (${domains}); single sign-on stays set up. An admin can turn it off again on Settings → Single sign-on once the identity provider works.`
      : `Password sign-in is already on for ${result.slug} (${domains}); nothing changed.`,
  );
}

const run =
  command === "create"
    ? create(process.argv.slice(3))
    : command === "list"
      ? list()
      : command === "sso-off"
        ? ssoOff(process.argv.slice(3))
        : Promise.reject(new Error("usage: scripts/tenant.ts create|list|sso-off"));
run.catch(fail);
