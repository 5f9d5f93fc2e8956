import type { Metadata } from "next";
import Link from "next/link";
import { ConfigEditor } from "@/components/settings/config-editor";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { api } from "@/lib/trpc/server";
import { formatDate } from "@/lib/utils";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/server/auth/permissions";

export const metadata: Metadata = { title: "Scoring configuration" };

const ABOUT: Record<(typeof CONFIG_KIND_VALUES)[number], { title: string; description: string }> = {
  qualification: { title: "Qualification", description: "Criterion points (seed §1.1: 235 in all), partial credit, pass score 60, service-fit matrix and disqualifier rules." },
  feasibility: { title: "Feasibility", description: "Sub-score weights (0.4 / 0.3 / 0.3, must add up to 1), the rules' parameters and the 70 pass threshold (seed §1.2)." },
  tiers: { title: "Service tiers", description: "The tier catalogue with price ranges, timelines and guarantees, compatibility and pricing weights, threshold 0.6 (seed §2.1)." },
  education: { title: "Education", description: "How education deliveries are spread: days, send hour, items per day (seed §1.3)." },
};

export default async function ScoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("config:read");
  const params = await searchParams;
  const kind = CONFIG_KIND_VALUES.find((k) => k === params.kind) ?? "qualification";
  const config = await (await api()).config.get({ kind });
  return (
    <>
      <PageHeader title="Scoring configuration" description="Every change is a new version, validated and audited; stored scores keep the version they used." />
      <nav aria-label="Configuration kinds" className="mb-4 flex flex-wrap gap-2">
        {CONFIG_KIND_VALUES.map((k) => (
          <Link key={k} href={`/settings/scoring?kind=${k}`} aria-current={k === kind ? "page" : undefined}
            className="rounded-full border px-3 py-1 text-sm hover:bg-accent aria-[current=page]:bg-accent aria-[current=page]:font-medium">
            {ABOUT[k].title}
          </Link>
        ))}
      </nav>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle as="h2">{ABOUT[kind].title}</CardTitle>
            <CardDescription>{ABOUT[kind].description}</CardDescription>
          </CardHeader>
          <CardContent>
            <ConfigEditor key={`${kind}-${config.version}`} kind={kind} version={config.version} data={config.data} defaults={config.defaults} canEdit={can(user.role, "config:write")} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">Versions</CardTitle></CardHeader>
          <CardContent>
            <ol className="grid gap-2 text-sm">
              {config.versions.map((v) => (
                <li key={v.version} className="flex justify-between gap-2">
                  <span className="font-medium">v{v.version}</span>
                  <span className="text-muted-foreground">{v.createdBy?.name ?? "defaults"} · {formatDate(v.createdAt)}</span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
