import { describe, expect, it } from "vitest";
import { SCALE_MAX, SCALE_MIN } from "@/domain/surveys/scores";
import { SURVEY_SCALE_MESSAGE } from "./limits";
import { ZSurveyScoreSchema } from "./surveys";

describe("the survey scale's message", () => {
  it("names the scale the engine uses (it is written out so the survey form ships no more than limits.ts)", () => {
    expect(SURVEY_SCALE_MESSAGE).toBe(`Choose a score from ${SCALE_MIN} to ${SCALE_MAX}`);
  });
  it("is the schema's refusal on either side of the scale", () => {
    for (const score of [SCALE_MIN - 1, SCALE_MAX + 1, 7.5]) {
      const parsed = ZSurveyScoreSchema.safeParse(score);
      expect(parsed.error?.issues[0]?.message).toBe(SURVEY_SCALE_MESSAGE);
    }
    expect(ZSurveyScoreSchema.safeParse(SCALE_MAX).success).toBe(true);
  });
});
