import { defineConfig } from "prisma/config";

// Connection URLs live in the environment (see lib/env.ts); `prisma generate` needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
