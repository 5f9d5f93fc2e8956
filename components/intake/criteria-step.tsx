import { cn } from "@/lib/utils";
import type { Answer } from "@/domain/qualification/config";
import { ANSWER_CHOICES, questionFor } from "./questions";

type Props = {
  criteria: string[];
  answers: Record<string, Answer>;
  errors: Record<string, string>;
  onAnswer: (criterion: string, answer: Answer) => void;
};

/** One category's questions: a native radio group each (arrow keys move, big tap targets). */
export function CriteriaStep({ criteria, answers, errors, onAnswer }: Props) {
  return (
    <div className="grid gap-5">
      {criteria.map((key) => {
        const q = questionFor(key);
        const error = errors[`answers.${key}`];
        const hintId = `q-${key}-hint`;
        const errorId = `q-${key}-error`;
        return (
          <fieldset
            key={key}
            className={cn("grid gap-2 rounded-lg border p-3", error && "border-destructive")}
            aria-describedby={[q.hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined}
            aria-invalid={error ? true : undefined}
          >
            <legend className="px-1 font-medium">{q.question}</legend>
            {q.hint ? (
              <p id={hintId} className="text-sm text-muted-foreground">
                {q.hint}
              </p>
            ) : null}
            <div className="grid gap-2 sm:grid-cols-3">
              {ANSWER_CHOICES.map((choice) => (
                <label
                  key={choice.value}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
                >
                  <input
                    type="radio"
                    name={`answer-${key}`}
                    value={choice.value}
                    checked={answers[key] === choice.value}
                    onChange={() => onAnswer(key, choice.value)}
                    className="size-4 accent-primary"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            {error ? (
              <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}
