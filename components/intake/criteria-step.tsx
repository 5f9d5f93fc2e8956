import type { IntakeControl } from "./draft";
import { ChoiceGroup } from "./choice-group";
import { ANSWER_CHOICES, questionFor } from "./questions";

/** One category's questions: a native radio group each (arrow keys move, big tap targets). */
export function CriteriaStep({ control, criteria }: { control: IntakeControl; criteria: string[] }) {
  return (
    <div className="grid gap-5">
      {criteria.map((key) => {
        const q = questionFor(key);
        return (
          <ChoiceGroup
            key={key}
            control={control}
            name={`answers.${key}`}
            radioName={`answer-${key}`}
            legend={q.question}
            hint={q.hint}
            choices={ANSWER_CHOICES}
            className="grid gap-2 sm:grid-cols-3"
          />
        );
      })}
    </div>
  );
}
