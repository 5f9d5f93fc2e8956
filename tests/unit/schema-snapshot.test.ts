import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrations } from "@/server/db/migrate";

const root = path.resolve(import.meta.dirname, "..", "..");
const normalise = (s: string) =>
  s
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter(Boolean)
    .join("\n");

describe("migrations", () => {
  it("cover the current schema: prisma/schema.prisma equals the snapshot of the last migration", () => {
    const schema = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    const snapshot = readFileSync(path.join(root, "prisma", "migrations", "schema.snapshot.prisma"), "utf8");
    expect(normalise(schema), "schema.prisma changed without `npm run db:migration:new -- <name>`").toBe(
      normalise(snapshot),
    );
  });

  it("are named <14-digit timestamp>_<name> and sort in the order they were written", () => {
    const names = listMigrations(path.join(root, "prisma", "migrations")).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect([...names].sort()).toEqual(names);
  });
});
