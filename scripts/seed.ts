/** `npm run db:seed`: (re)seed the demo tenants into DATABASE_URL or the embedded database. Idempotent. */
import path from "node:path";
import { migrate } from "../server/db/migrate";
import { createPrismaClient } from "../server/db/client";
import { seedDemo } from "../prisma/seed";
import { dataRoot, startEmbeddedDb } from "./embedded-db";

const root = path.resolve(import.meta.dirname, "..");
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDb(path.join(dataRoot(), "pglite"));
const url = process.env.DATABASE_URL ?? embedded?.url ?? "";
await migrate(url, path.join(root, "prisma", "migrations"));
const prisma = createPrismaClient(url);
const summary = await seedDemo(prisma, new Date());
console.log(summary);
await prisma.$disconnect();
await embedded?.stop();
