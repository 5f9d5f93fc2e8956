"use server";

import type { ActionResult } from "@/lib/form-errors";
import type { AnswerSurveyByTokenInput, AnswerSurveyInput } from "@/lib/schemas/surveys";
import { actionResult } from "@/server/api/action-result";
import { api } from "@/trpc/server";

/**
 * The survey form's two calls as Server Actions (docs/architecture.md#forms): the one-time link and the portal
 * page ship no tRPC client for one form (bench/README.md, P3). Each runs the procedure itself through the
 * server caller — its input schema, access check and rate limits — so the input is validated on the server
 * whatever the browser sent.
 */
export async function answerSurveyByToken(input: AnswerSurveyByTokenInput): Promise<ActionResult> {
  return actionResult(async () => (await api()).surveys.answerByToken(input));
}

export async function answerPortalSurvey(input: AnswerSurveyInput): Promise<ActionResult> {
  return actionResult(async () => (await api()).portal.answerSurvey(input));
}
