/**
 * The Node.js half of instrumentation.ts: refuse demo mode outside this machine, and a bad
 * TRUSTED_PROXY_HOPS (docs/security.md#client-ip), before serving anything.
 */
import { demoModeRefusal } from "./lib/demo";
import { trustedProxyHops } from "./lib/env";

const refusal = demoModeRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
try {
  trustedProxyHops();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
