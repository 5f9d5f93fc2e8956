import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { roleLabel } from "@/domain/kickoff/plan";
import { EnvironmentRow } from "./environment-row";
import type { ProjectView } from "./types";

/** The delivery team with capacity (docs/domain.md#kickoff) and the project's environments. */
export function TeamCard({
  team,
  environments,
  canWrite,
}: {
  team: ProjectView["team"];
  environments: ProjectView["environments"];
  canWrite: boolean;
}) {
  const capacity = Math.round(team.reduce((sum, m) => sum + m.capacity, 0) * 100) / 100;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Delivery team</CardTitle>
        <CardDescription>
          {team.length} roles, {capacity} FTE in all.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <ul className="grid gap-1">
          {team.map((m) => (
            <li key={m.id} className="flex flex-wrap justify-between gap-2">
              <span>
                {roleLabel(m.role)}{" "}
                <span className="text-muted-foreground">
                  {m.specialization ? `(${m.specialization.replaceAll("_", " ")})` : ""}
                  {m.memberName ? ` — ${m.memberName}` : ""}
                </span>
              </span>
              <span className="tabular-nums">
                {m.capacity} FTE{m.required ? "" : " · optional"}
              </span>
            </li>
          ))}
        </ul>
        <div>
          <h3 className="mb-1 font-medium">Environments</h3>
          <ul className="grid gap-1">
            {environments.map((e) => (
              <EnvironmentRow key={e.id} env={e} canWrite={canWrite} />
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
