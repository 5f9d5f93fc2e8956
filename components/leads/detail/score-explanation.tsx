import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { CategoryBars, FitList } from "./score-bars";
import { readBreakdown, readFit, type AssessmentRow } from "./types";

const ANSWER_TONE = { full: "success", partial: "warning", none: "outline" } as const;

/** "Why this score?": the latest saved (non-draft) assessment, criterion by criterion. */
export function ScoreExplanation({ assessment }: { assessment: AssessmentRow | null }) {
  const categories = assessment ? readBreakdown(assessment.breakdown) : [];
  const fit = assessment ? readFit(assessment.fit) : [];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Why this score?</CardTitle>
        {assessment ? (
          <CardDescription>
            {assessment.score.toFixed(1)}/100 ({assessment.points}/{assessment.maxPoints} points), saved{" "}
            {formatDate(assessment.createdAt)} by {assessment.author?.name ?? "someone"} with configuration v
            {assessment.configVersion}.
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent>
        {!assessment ? (
          <EmptyState
            title="No saved assessment yet"
            description="Save an assessment (not a draft) to see its breakdown here."
            headingAs="h3"
          />
        ) : (
          <div className="grid gap-6 lg:grid-cols-[1fr_minmax(0,22rem)]">
            <div className="grid gap-4">
              {categories.map((c) => (
                <section key={c.key} aria-labelledby={`why-${c.key}`}>
                  <h3 id={`why-${c.key}`} className="mb-2 font-medium">
                    {c.label}{" "}
                    <span className="font-normal text-muted-foreground tabular-nums">
                      {c.points}/{c.maxPoints}
                    </span>
                  </h3>
                  <ul className="grid gap-1.5 text-sm">
                    {c.criteria.map((r) => (
                      <li key={r.key} className="flex flex-wrap items-baseline gap-2">
                        <Badge variant={ANSWER_TONE[r.answer]}>{r.answer}</Badge>
                        <span className="font-medium">{r.label}</span>
                        <span className="tabular-nums">
                          {r.points}/{r.maxPoints}
                        </span>
                        <span className="text-muted-foreground">— {r.reason}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            <div className="grid content-start gap-4">
              <CategoryBars categories={categories} />
              <h3 className="font-medium">Service fit</h3>
              {fit.length > 0 ? <FitList fit={fit} /> : <p className="text-sm text-muted-foreground">No fit stored.</p>}
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
