import { inject } from "vitest";

const urls = inject("databaseUrls");
const url = urls[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % urls.length] ?? urls[0];
process.env.DATABASE_URL = url;
// tests that reach the server beside their database (sibling databases, pg_dump) start from this worker's own
if (process.env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = url;
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
delete process.env.RESEND_API_KEY;
// the public sign-up procedures and pages answer (like scripts/e2e-server.ts); tests of other modes set SIGNUP themselves
process.env.SIGNUP ??= "open";
