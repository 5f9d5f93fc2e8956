/** The Node.js half of instrumentation.ts: refuse demo mode outside this machine before serving anything. */
import { demoModeRefusal } from "./lib/demo";

const refusal = demoModeRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
