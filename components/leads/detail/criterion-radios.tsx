import { ANSWER_LEVELS, type Answer } from "@/domain/qualification/config";
import { partialPoints } from "@/domain/qualification/score";

const ANSWER_LABEL: Record<Answer, string> = { full: "Full", partial: "Partial", none: "None" };

type Props = {
  criterionKey: string;
  label: string;
  maxPoints: number;
  partialCredit: number;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
};

/** One criterion: a native radio group (arrow keys move between options). */
export function CriterionRadios({ criterionKey, label, maxPoints, partialCredit, value, onChange }: Props) {
  const points: Record<Answer, number> = { full: maxPoints, partial: partialPoints(maxPoints, partialCredit), none: 0 };
  return (
    <fieldset className="grid gap-1 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">
        {label} <span className="font-normal text-muted-foreground">({maxPoints} pts)</span>
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {ANSWER_LEVELS.map((level) => (
          <label key={level} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name={`criterion-${criterionKey}`}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
              className="size-4 accent-primary"
            />
            {ANSWER_LABEL[level]} <span className="text-muted-foreground tabular-nums">({points[level]})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
