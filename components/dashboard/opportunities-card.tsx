import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import type { Opportunity } from "@/domain/dashboard/opportunities";

function OpportunityList({ items, empty, at }: { items: Opportunity[]; empty: string; at: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid gap-3">
      {items.map((o) => (
        <li key={o.key} className="grid gap-0.5 text-sm">
          {o.href ? (
            <Link href={o.href} className="font-medium underline-offset-4 hover:underline">
              {o.title}
            </Link>
          ) : (
            <span className="font-medium">{o.title}</span>
          )}
          <span className="text-muted-foreground">{o.reason}</span>
          {o.at ? (
            <span className="text-xs text-muted-foreground">
              {at} {formatDate(o.at)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** docs/domain.md#dashboard opportunities: accounts ready to expand, successes worth a case study. */
export function OpportunitiesCard({
  expansion,
  caseStudies,
}: {
  expansion: Opportunity[];
  caseStudies: Opportunity[];
}) {
  return (
    <Card id="opportunities">
      <CardHeader>
        <CardTitle as="h2">Opportunities</CardTitle>
        <CardDescription>
          Expansion from retention plans and health; case studies from met guarantees in the range.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {expansion.length === 0 && caseStudies.length === 0 ? (
          <EmptyState title="No opportunities yet" description="Healthy accounts and met guarantees show up here." />
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="opp-expansion" className="grid gap-3">
              <h3 id="opp-expansion" className="text-sm font-semibold">
                Expansion
              </h3>
              <OpportunityList
                items={expansion}
                empty="No account is ready for an expansion proposal."
                at="Next touchpoint"
              />
            </section>
            <section aria-labelledby="opp-case-studies" className="grid gap-3">
              <h3 id="opp-case-studies" className="text-sm font-semibold">
                Case-study candidates
              </h3>
              <OpportunityList
                items={caseStudies}
                empty="No met guarantee in the range is a case-study candidate."
                at="Guarantee met"
              />
            </section>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
