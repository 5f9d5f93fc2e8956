import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  listHref,
  parseSearchParams,
  zFlagParam,
  zManyOfParam,
  zNumberParam,
  zOneOfParam,
  zPageParam,
  zTextParam,
} from "./search-params";

const schema = z.object({
  page: zPageParam,
  status: zOneOfParam(["open", "resolved", "all"], "open"),
  severity: zOneOfParam(["low", "high"]),
  stage: zManyOfParam(["NEW", "LOST"]),
  q: zTextParam(10),
  min: zNumberParam(0, 100),
  mine: zFlagParam,
});

describe("parseSearchParams", () => {
  it("reads a well-formed URL", () => {
    expect(
      parseSearchParams(schema, {
        page: "3",
        status: "all",
        severity: "high",
        stage: ["LOST", "NEW", "LOST"],
        q: " acme ",
        min: "40",
        mine: "1",
      }),
    ).toEqual({ page: 3, status: "all", severity: "high", stage: ["LOST", "NEW"], q: "acme", min: 40, mine: true });
  });

  it("falls back field by field on anything else, never throwing", () => {
    expect(
      parseSearchParams(schema, {
        page: "x",
        status: "gone",
        severity: ["nope"],
        stage: "OTHER",
        q: "far too long for ten",
        min: "200",
        mine: "yes",
      }),
    ).toEqual({ page: 1, status: "open", severity: undefined, stage: [], q: undefined, min: undefined, mine: false });
    expect(parseSearchParams(schema, {})).toEqual({
      page: 1,
      status: "open",
      severity: undefined,
      stage: [],
      q: undefined,
      min: undefined,
      mine: false,
    });
  });

  it("refuses pages out of range and fractions", () => {
    for (const page of ["0", "-2", "1.5", "10001", ""]) expect(parseSearchParams(schema, { page }).page).toBe(1);
    expect(parseSearchParams(schema, { page: ["2", "9"] }).page).toBe(2);
  });
});

describe("listHref", () => {
  it("leaves out empty values and page 1, repeats arrays, writes flags as 1", () => {
    expect(listHref("/leads", { q: "", page: 1, stage: ["NEW", "LOST"], mine: true, off: false, none: null })).toBe(
      "/leads?stage=NEW&stage=LOST&mine=1",
    );
    expect(listHref("/alerts", { page: 2, status: "open" })).toBe("/alerts?page=2&status=open");
    expect(listHref("/alerts", {})).toBe("/alerts");
  });
});
