import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
delete process.env.RESEND_API_KEY;
// the public sign-up procedures and pages answer (like scripts/e2e-server.ts); tests of other modes set SIGNUP themselves
process.env.SIGNUP ??= "open";
