"use client";

import { useId, useState } from "react";
import {
  alertDescriptionClass,
  plainAlertClass,
  plainButtonClass,
  textareaClass,
} from "@/components/ui/variant-classes";
import { answerPortalSurvey, answerSurveyByToken } from "@/app/actions/surveys";
import { readError } from "@/lib/read-error";
import { MAX_SURVEY_COMMENT, SURVEY_SCALE_MESSAGE } from "@/lib/schemas/limits";

const SCORES = Array.from({ length: 11 }, (_, i) => i);
const SCORE_CLASS = [
  "grid size-10 place-items-center rounded-md border text-sm font-medium tabular-nums transition-colors",
  "peer-hover:bg-muted peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-2",
  "peer-checked:border-primary peer-checked:bg-primary peer-checked:text-primary-foreground",
].join(" ");

type Props = {
  question: string;
  kind: "CSAT" | "NPS";
  /** a signed-in customer answers by survey id; the one-time link by its token */
  target: { surveyId: string } | { token: string };
};

/** The success or failure line, with the markup and looks of `Alert` + `AlertDescription`. */
function Notice({ variant, children }: { variant: "success" | "destructive"; children: React.ReactNode }) {
  return (
    <div data-slot="alert" role={variant === "destructive" ? "alert" : "status"} className={plainAlertClass(variant)}>
      <div data-slot="alert-description" className={alertDescriptionClass}>
        {children}
      </div>
    </div>
  );
}

/**
 * One CSAT / NPS question on the 0–10 scale (a native radio group: arrow keys move, the focus ring shows),
 * an optional comment, one button. Used in the portal and on the one-time link's page. It calls a Server Action
 * (app/actions/surveys.ts) and keeps its state in React rather than react-hook-form and zod: the portal project
 * page ships neither (bench/README.md, P3); the server validates with the shared schema and its refusal is read
 * by `readError` like any other (docs/architecture.md#forms). For the same reason it draws the alert, the textarea
 * and the button as plain elements with their shared classes (components/ui/variant-classes.ts): the same markup as
 * `Alert`, `Textarea` and `Button`, without the class merging (`cn`) that nothing else on the page needs.
 */
export function SurveyForm({ question, kind, target }: Props) {
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // the thank-you replaces the form; the list refreshes on the next visit
  const [state, setState] = useState<{ status: "idle" | "pending" | "done" } | { status: "failed"; message: string }>({
    status: "idle",
  });
  const scoreError = fieldErrors.score;
  const [low, high] =
    kind === "NPS" ? ["Not at all likely", "Extremely likely"] : ["Not at all satisfied", "Extremely satisfied"];

  if (state.status === "done") {
    return <Notice variant="success">Thank you — your answer ({score}/10) was recorded.</Notice>;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (score === null) {
      setFieldErrors({ score: SURVEY_SCALE_MESSAGE });
      return;
    }
    setFieldErrors({});
    setState({ status: "pending" });
    const body = { score, comment: comment.trim() || undefined };
    const answer =
      "token" in target
        ? answerSurveyByToken({ token: target.token, ...body })
        : answerPortalSurvey({ surveyId: target.surveyId, ...body });
    // the server's refusal resolves with what to show; a network failure rejects
    const refusal = await answer.then((result) => (result.ok ? null : readError(result)), readError);
    if (!refusal) return setState({ status: "done" });
    setFieldErrors(refusal.fieldErrors);
    setState({ status: "failed", message: refusal.message });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4" aria-label="Survey">
      <fieldset className="grid gap-2" aria-describedby={scoreError ? `${id}-score-error` : `${id}-scale`}>
        <legend className="mb-1 font-medium">{question}</legend>
        <div className="flex flex-wrap gap-1.5">
          {SCORES.map((n) => (
            <label key={n} className="relative">
              <input
                type="radio"
                name={`${id}-score`}
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
                className="peer absolute inset-0 size-full cursor-pointer opacity-0"
              />
              <span aria-hidden className={SCORE_CLASS}>
                {n}
              </span>
              <span className="sr-only">
                {n}
                {n === 0 ? ` (${low})` : n === 10 ? ` (${high})` : ""}
              </span>
            </label>
          ))}
        </div>
        <p id={`${id}-scale`} className="flex justify-between text-xs text-muted-foreground sm:max-w-[31rem]">
          <span>0 = {low.toLowerCase()}</span>
          <span>10 = {high.toLowerCase()}</span>
        </p>
        {scoreError ? (
          <p id={`${id}-score-error`} role="alert" className="text-sm font-medium text-destructive">
            {scoreError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-2">
        <label htmlFor={`${id}-comment`} className="text-sm font-medium">
          Anything you would like to tell us? <span className="font-normal text-muted-foreground">(optional)</span>
        </label>
        <textarea
          data-slot="textarea"
          className={textareaClass}
          id={`${id}-comment`}
          value={comment}
          maxLength={MAX_SURVEY_COMMENT}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={fieldErrors.comment ? true : undefined}
          aria-describedby={`${id}-comment-count`}
        />
        <p id={`${id}-comment-count`} className="text-xs text-muted-foreground">
          {comment.length} / {MAX_SURVEY_COMMENT}
        </p>
        {fieldErrors.comment ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {fieldErrors.comment}
          </p>
        ) : null}
      </div>
      {state.status === "failed" && !fieldErrors.score && !fieldErrors.comment ? (
        <Notice variant="destructive">{state.message}</Notice>
      ) : null}
      <div>
        <button type="submit" data-slot="button" className={plainButtonClass} disabled={state.status === "pending"}>
          {state.status === "pending" ? "Sending…" : "Send answer"}
        </button>
      </div>
    </form>
  );
}
