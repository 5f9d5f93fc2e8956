import { describe, expect, it } from "vitest";
import { inputFromNumber, numberFromInput } from "./form-values";

describe("number boxes in forms", () => {
  it("reads empty or blank text as not entered", () => {
    expect(numberFromInput("")).toBeUndefined();
    expect(numberFromInput("   ")).toBeUndefined();
  });
  it("reads numbers, including 0, decimals and negatives, as numbers", () => {
    expect(numberFromInput("0")).toBe(0);
    expect(numberFromInput("12.5")).toBe(12.5);
    expect(numberFromInput("-3")).toBe(-3);
  });
  it("reads text that is not a number as NaN, for the schema to refuse", () => {
    expect(numberFromInput("1e")).toBeNaN();
    expect(numberFromInput("abc")).toBeNaN();
  });
  it("shows nothing for not entered and NaN, the number otherwise", () => {
    expect(inputFromNumber(undefined)).toBe("");
    expect(inputFromNumber(null)).toBe("");
    expect(inputFromNumber(Number.NaN)).toBe("");
    expect(inputFromNumber(0)).toBe(0);
    expect(inputFromNumber(42)).toBe(42);
  });
});
