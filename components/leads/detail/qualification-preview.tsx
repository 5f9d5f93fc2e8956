import type { QualificationResult } from "@/domain/qualification/score";
import { Bar, CategoryBars, FitList } from "./score-bars";

export function QualificationPreview({
  result,
  configVersion,
}: {
  result: QualificationResult;
  configVersion: number | null;
}) {
  const top = result.improvements.slice(0, 3);
  return (
    <section
      aria-labelledby="preview-heading"
      aria-live="polite"
      className="grid gap-4 rounded-lg border bg-muted/30 p-4"
    >
      <div>
        <h3 id="preview-heading" className="font-semibold">
          Live preview
        </h3>
        <p className="text-xs text-muted-foreground">
          Preview uses the default scoring; the saved score uses the tenant&apos;s configuration
          {configVersion === null ? "" : ` v${configVersion}`}.
        </p>
      </div>
      <div className="grid gap-1">
        <p className="text-3xl font-semibold tabular-nums">
          {result.score.toFixed(1)}
          <span className="text-base font-normal text-muted-foreground">/100</span>
        </p>
        <p className="text-sm text-muted-foreground tabular-nums">
          {result.points}/{result.maxPoints} points ·{" "}
          {result.passed ? "qualifies" : `below the ${result.passScore} bar`}
        </p>
        <Bar value={result.score} max={100} label={`Preview score ${result.score} of 100`} />
      </div>
      <div>
        <h4 className="mb-2 text-sm font-medium">By category</h4>
        <CategoryBars categories={result.categories} />
      </div>
      <div>
        <h4 className="mb-2 text-sm font-medium">Service fit</h4>
        <FitList fit={result.fit} />
      </div>
      <div>
        <h4 className="mb-2 text-sm font-medium">Top improvements</h4>
        {top.length === 0 ? (
          <p className="text-sm text-muted-foreground">Every criterion is answered &quot;full&quot;.</p>
        ) : (
          <ol className="list-decimal pl-5 text-sm">
            {top.map((i) => (
              <li key={i.criterion}>{i.message}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
