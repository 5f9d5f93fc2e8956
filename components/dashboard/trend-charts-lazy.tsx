"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The chart library is loaded only here, on the client, after the page is interactive: the dashboard's
 * numbers render without it and no other page ships it (next/dynamic, ssr: false).
 */
export const LazyTrendCharts = dynamic(() => import("@/components/charts/trend-charts").then((m) => m.TrendCharts), {
  ssr: false,
  loading: () => (
    <div aria-busy="true" className="grid gap-4 lg:grid-cols-2">
      <p role="status" className="sr-only">Loading the trend charts…</p>
      {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-72 rounded-xl" />)}
    </div>
  ),
});
