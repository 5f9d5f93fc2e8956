import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listText, moneyText, numberText, optionalText, readListText, readNumberText } from "./form-input";
import { zMoneyCents } from "./money";
import { ZProjectRequestSchema } from "./schemas/feasibility";

describe("readNumberText", () => {
  it("reads blank as undefined, grouped digits as the number, anything else as NaN", () => {
    expect(readNumberText("  ")).toBeUndefined();
    expect(readNumberText("1,200")).toBe(1200);
    expect(readNumberText(" 12 ")).toBe(12);
    expect(readNumberText("twelve")).toBeNaN();
  });
});

describe("readListText", () => {
  it("splits, trims and drops blank entries", () => {
    expect(readListText("a\n\n b \r\nc", /\r?\n/)).toEqual(["a", "b", "c"]);
    expect(readListText("React, , Node.js", /,/)).toEqual(["React", "Node.js"]);
  });
});

describe("text fields checked by the shared schema", () => {
  const weeks = numberText(ZProjectRequestSchema.shape.timelineWeeks);

  it("keeps the schema's own messages", () => {
    expect(weeks.safeParse("").error?.issues[0]?.message).toBe("Enter the timeline as a number of weeks");
    expect(weeks.safeParse("x").error?.issues[0]?.message).toBe("Enter the timeline as a number of weeks");
    expect(weeks.safeParse("0").error?.issues[0]?.message).toBe("Timeline must be at least 1 week");
    expect(weeks.parse("12")).toBe(12);
  });

  it("reads money in cents and reports unreadable amounts in words", () => {
    const budget = moneyText(zMoneyCents("budget"));
    expect(budget.parse("$1,234.50")).toBe(123_450);
    expect(budget.safeParse("").error?.issues[0]?.message).toBe("Enter the budget, like 1234.56");
    expect(budget.safeParse("12abc").success).toBe(false);
    expect(moneyText(zMoneyCents("value").optional()).parse(" ")).toBeUndefined();
  });

  it("reads lists and optional text", () => {
    const requirements = listText(ZProjectRequestSchema.shape.requirements, /\r?\n/);
    expect(requirements.parse("Login\nCheckout")).toEqual(["Login", "Checkout"]);
    expect(requirements.safeParse("\n").error?.issues[0]?.message).toBe("Add at least one requirement");
    const name = optionalText(z.string().min(3, "Too short").optional());
    expect(name.parse("  ")).toBeUndefined();
    expect(name.safeParse("ab").error?.issues[0]?.message).toBe("Too short");
  });
});
