import { z } from "zod";
import { zMoneyCents } from "@/lib/money";
import { ZIdSchema } from "./common";

/** Bounds that keep the feasibility maths meaningful (docs/domain.md#feasibility); above them the input is a mistake. */
export const MAX_TIMELINE_WEEKS = 104;
export const MAX_TEAM_SIZE = 1_000;
export const MAX_REQUIREMENTS = 500;
export const MAX_REQUIREMENT_CHARS = 500;
export const MAX_LIST_ITEMS = 50;
export const MAX_ITEM_CHARS = 100;

const wholeNumber = (what: string, unit: string) =>
  z.number({ message: `Enter the ${what} as a number${unit}` }).int(`Use a whole number for the ${what}`);

function tagList(what: string) {
  return z
    .array(
      z
        .string({ message: `Each ${what} entry is text` })
        .trim()
        .min(1, `Remove the blank ${what} entry`)
        .max(MAX_ITEM_CHARS, `Each ${what} entry is at most ${MAX_ITEM_CHARS} characters`),
      { message: `List the ${what} as text entries` },
    )
    .max(MAX_LIST_ITEMS, `At most ${MAX_LIST_ITEMS} ${what} entries`)
    .default([]);
}

/** The project request the feasibility engine analyses (domain/feasibility/analyze.ts). */
export const ZProjectRequestSchema = z.object({
  requirements: z
    .array(
      z
        .string({ message: "Each requirement is text" })
        .trim()
        .min(1, "Remove the blank requirement")
        .max(MAX_REQUIREMENT_CHARS, `Each requirement is at most ${MAX_REQUIREMENT_CHARS} characters`),
      { message: "List the requirements as text entries" },
    )
    .min(1, "Add at least one requirement")
    .max(MAX_REQUIREMENTS, `At most ${MAX_REQUIREMENTS} requirements; split a larger project into phases`),
  timelineWeeks: wholeNumber("timeline", " of weeks")
    .min(1, "Timeline must be at least 1 week")
    .max(
      MAX_TIMELINE_WEEKS,
      `Timeline must be at most ${MAX_TIMELINE_WEEKS} weeks (2 years) for a fixed-scope project`,
    ),
  budgetCents: zMoneyCents("budget"),
  teamSize: wholeNumber("team size", " of people")
    .min(0, "Team size cannot be negative")
    .max(MAX_TEAM_SIZE, `Team size is at most ${MAX_TEAM_SIZE.toLocaleString("en-US")} people`),
  techStack: tagList("tech stack"),
  integrations: tagList("integrations"),
  compliance: tagList("compliance"),
});

export const ZAnalyzeFeasibilitySchema = z.object({
  leadId: ZIdSchema,
  request: ZProjectRequestSchema,
});

export type ProjectRequestInput = z.infer<typeof ZProjectRequestSchema>;
export type AnalyzeFeasibilityInput = z.infer<typeof ZAnalyzeFeasibilitySchema>;
