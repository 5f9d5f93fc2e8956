import type { Metadata } from "next";
import Link from "next/link";
import { ConfigEditor } from "@/components/settings/config-editor";
import { PageHeader } from "@/components/shell/page-header";
import { CONFIG_KIND_VALUES } from "@/lib/schemas/config";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Scoring configuration" };

type Kind = (typeof CONFIG_KIND_VALUES)[number];

const ABOUT: Partial<Record<Kind, { title: string; description: string }>> = {
  qualification: {
    title: "Qualification",
    description:
      "Criterion points (235 in all by default), partial credit, pass score 60, service-fit matrix and disqualifier rules.",
  },
  feasibility: {
    title: "Feasibility",
    description:
      "Sub-score weights (0.4 / 0.3 / 0.3, must add up to 1), the rules' parameters and the 70 pass threshold.",
  },
  tiers: {
    title: "Service tiers",
    description:
      "The tier catalogue with price ranges, timelines and guarantees, compatibility and pricing weights, threshold 0.6.",
  },
  education: {
    title: "Education",
    description:
      "How education deliveries are spread: days, send hour, items per day, the items every plan starts with, and the content library.",
  },
  milestones: {
    title: "Milestones",
    description:
      "Weekly milestone templates per service type: weighted criteria (each week's weights add up to 1), validation methods and the success / escalation thresholds.",
  },
  quality: {
    title: "Quality gates",
    description:
      "Code, delivery and process gate thresholds, family weights 0.4 / 0.3 / 0.3 and the escalation rule: score below 80 or more than 2 failed gates.",
  },
  guarantee: {
    title: "Guarantee",
    description:
      "The final validation's criteria (MVP delivered 40%, coverage 30%, CSAT 30%), targets and the success threshold.",
  },
  retention: {
    title: "Retention",
    description:
      "Health score components and weights (must add up to 1), expansion factors and the strategy thresholds 85 / 70.",
  },
  kickoff: {
    title: "Kickoff",
    description:
      "Delivery team per service type (required and conditional roles with capacity), tier extras, velocity, environments and the guarantee defaults.",
  },
};

/** Kinds added later than these four get a plain title and the JSON editor until they have a form. */
function about(kind: Kind): { title: string; description: string } {
  return (
    ABOUT[kind] ?? {
      title: kind.charAt(0).toUpperCase() + kind.slice(1),
      description: "Edited as JSON; every save is checked against the engine's rules and becomes a new version.",
    }
  );
}

export default async function ScoringPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("config:read");
  const params = await searchParams;
  const kind = CONFIG_KIND_VALUES.find((k) => k === params.kind) ?? "qualification";
  const config = await (await api()).config.get({ kind });
  return (
    <>
      <PageHeader
        title="Scoring configuration"
        description="Every change is a new version, validated and audited; stored scores keep the version they used."
      />
      <nav aria-label="Configuration kinds" className="mb-4 flex flex-wrap gap-2">
        {CONFIG_KIND_VALUES.map((k) => (
          <Link
            key={k}
            href={`/settings/scoring?kind=${k}`}
            aria-current={k === kind ? "page" : undefined}
            className="rounded-full border px-3 py-1 text-sm hover:bg-accent aria-[current=page]:bg-accent aria-[current=page]:font-medium"
          >
            {about(k).title}
          </Link>
        ))}
      </nav>
      <ConfigEditor
        key={kind}
        kind={kind}
        title={about(kind).title}
        description={about(kind).description}
        initial={config}
        canEdit={can(user.role, "config:write")}
      />
    </>
  );
}
