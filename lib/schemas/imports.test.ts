import { describe, expect, it } from "vitest";
import { ZImportChoicesSchema, ZImportOptionsSchema } from "./imports";

describe("import wizard choices (docs/import.md#the-api)", () => {
  it("reads each select's text as a column number and an empty choice as not imported", () => {
    const parsed = ZImportChoicesSchema.parse({ mode: "skip", mapping: { company: "5", email: "3", notes: "" } });
    expect(parsed).toEqual({ mode: "skip", mapping: { company: 5, email: 3, notes: null } });
    // what the wizard sends is what the API takes
    expect(ZImportOptionsSchema.parse({ mode: parsed.mode, mapping: parsed.mapping }).mapping).toEqual(parsed.mapping);
  });
  it("refuses what no select offers", () => {
    expect(ZImportChoicesSchema.safeParse({ mode: "all", mapping: { company: "x" } }).success).toBe(false);
    expect(ZImportChoicesSchema.safeParse({ mode: "all", mapping: { company: "-1" } }).success).toBe(false);
    expect(ZImportChoicesSchema.safeParse({ mode: "all", mapping: { colour: "1" } }).success).toBe(false);
    expect(ZImportChoicesSchema.safeParse({ mode: "later", mapping: {} }).success).toBe(false);
  });
});
