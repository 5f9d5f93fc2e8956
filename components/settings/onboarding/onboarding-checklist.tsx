import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Checklist } from "@/domain/onboarding/checklist";
import { DismissChecklistButton } from "./dismiss-checklist-button";

/** The setup checklist on the admin's home: progress read from the workspace's data (docs/onboarding.md). */
export function OnboardingChecklist({ checklist }: { checklist: Checklist }) {
  const percent = Math.round((checklist.done / checklist.total) * 100);
  return (
    <Card data-testid="onboarding-checklist" aria-labelledby="onboarding-title">
      <CardHeader className="grid-cols-[1fr_auto]">
        <div className="grid gap-1.5">
          <CardTitle as="h2" id="onboarding-title">
            {checklist.complete ? "Your workspace is set up" : "Set up your workspace"}
          </CardTitle>
          <CardDescription data-testid="onboarding-progress">
            {checklist.done} of {checklist.total} done
            {checklist.complete
              ? ""
              : checklist.requiredLeft === 1
                ? " · 1 step left"
                : ` · ${checklist.requiredLeft} steps left`}
          </CardDescription>
        </div>
        <DismissChecklistButton dismissed={false} />
        <div
          className="col-span-2 h-2 overflow-hidden rounded-full bg-muted"
          role="progressbar"
          aria-label="Setup progress"
          aria-valuemin={0}
          aria-valuemax={checklist.total}
          aria-valuenow={checklist.done}
          aria-valuetext={`${checklist.done} of ${checklist.total} done`}
        >
          <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-1">
          {checklist.items.map((item) => (
            <li
              key={item.key}
              data-testid={`onboarding-${item.key}`}
              data-done={item.done}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-2 py-2 hover:bg-muted/50"
            >
              {item.done ? (
                <CheckCircle2 aria-hidden className="size-5 shrink-0 text-success" />
              ) : (
                <Circle aria-hidden className="size-5 shrink-0 text-muted-foreground" />
              )}
              <div className="min-w-0 flex-1">
                <p
                  className={item.done ? "font-medium text-muted-foreground line-through decoration-1" : "font-medium"}
                >
                  {item.title}
                  <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
                  {item.optional ? (
                    <Badge variant="outline" className="ml-2 align-middle">
                      Optional
                    </Badge>
                  ) : null}
                </p>
                <p className="text-sm text-muted-foreground">{item.description}</p>
              </div>
              {item.done ? null : (
                <Link
                  href={item.href}
                  className="text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  {item.action}
                  <span className="sr-only">: {item.title}</span>
                </Link>
              )}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
