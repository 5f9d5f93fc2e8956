/**
 * `npm run signup:code [-- --days 14] [--note "for Acme"]` (docs/signup.md#codes): prints a new single-use
 * sign-up code for SIGNUP=invite. Only its SHA-256 is stored, so this is the one time it is shown.
 */
import { parseArgs } from "node:util";
import { CODE_TTL_DAYS_DEFAULT, createSignupCode } from "../server/services/signup";
import { fail, withOperatorDb } from "./operator-db";

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { days: { type: "string" }, note: { type: "string" } },
    strict: true,
  });
  const days = values.days === undefined ? CODE_TTL_DAYS_DEFAULT : Number(values.days);
  const note = values.note?.trim().slice(0, 200) || null;
  const { code, expiresAt } = await withOperatorDb("npm run signup:code", (db) =>
    createSignupCode(db, { days, note, now: new Date() }),
  );
  console.log(`Sign-up code (single use, valid until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):`);
  console.log(code);
}

main().catch(fail);
