import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run screens`: the screenshots under docs/screens/ (README "Screens"), taken from the demo on a
 * production build — the same server the e2e suite starts. Not part of `npm test`.
 */
export default defineConfig({
  ...base,
  testDir: "scripts/screens",
  reporter: [["list"]],
  timeout: 180_000,
});
