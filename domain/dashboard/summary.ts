import { csatTotals, npsTotals, ratio, type KpiFacts } from "./kpis";
import { formatKpiValue } from "./targets";

/** The headline numbers of docs/domain.md#dashboard `summary_metrics` that are not KPIs of their own. */
export type SummaryFacts = {
  /** customer accounts with a project in kickoff, on track or at risk */
  activeCustomers: number;
  projectsInProgress: number;
  /** guarantees decided in the last 30 days */
  success30: { decided: number; succeeded: number };
  /** contract value of projects booked this calendar month (cancelled excluded), integer cents */
  bookedMonthCents: number;
  /** refunds paid this calendar month, integer cents */
  refundedMonthCents: number;
  /** refund claims claimed or under review: waiting for an executive's decision */
  refundsAwaiting: number;
};

export type DashboardSummary = {
  activeCustomers: number;
  projectsInProgress: number;
  refundsAwaiting: number;
  successRate30: { value: number | null; display: string; succeeded: number; decided: number };
  revenueThisMonth: { netCents: number; bookedCents: number; refundedCents: number };
  csat: { value: number | null; display: string; responses: number };
  nps: { value: number | null; display: string; responses: number };
};

/** Revenue this month = contract value booked less refunds paid (may be negative in a bad month). */
export function dashboardSummary(s: SummaryFacts, facts: KpiFacts): DashboardSummary {
  const success = ratio(s.success30.succeeded, s.success30.decided, 100);
  const csat = csatTotals(facts.csat);
  const csatValue = ratio(csat.sum, csat.responses, 1);
  const nps = npsTotals(facts.nps);
  const npsValue = ratio(nps.promoters - nps.detractors, nps.responses, 100);
  return {
    activeCustomers: s.activeCustomers,
    projectsInProgress: s.projectsInProgress,
    refundsAwaiting: s.refundsAwaiting,
    successRate30: { value: success, display: formatKpiValue(success, "percent"), ...s.success30 },
    revenueThisMonth: {
      netCents: s.bookedMonthCents - s.refundedMonthCents,
      bookedCents: s.bookedMonthCents,
      refundedCents: s.refundedMonthCents,
    },
    csat: { value: csatValue, display: formatKpiValue(csatValue, "score10"), responses: csat.responses },
    nps: { value: npsValue, display: formatKpiValue(npsValue, "nps"), responses: nps.responses },
  };
}
