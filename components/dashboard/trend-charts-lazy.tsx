"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, useEffect, useRef, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";

export function ChartsSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-4 lg:grid-cols-2">
      <p role="status" className="sr-only">
        Loading the trend charts…
      </p>
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-72 rounded-xl" />
      ))}
    </div>
  );
}

/**
 * The chart library is loaded only here, on the client: the dashboard's numbers render without it and
 * no other page ships it (next/dynamic, ssr: false).
 */
const DynamicTrendCharts = dynamic(() => import("@/components/charts/trend-charts").then((m) => m.TrendCharts), {
  ssr: false,
  loading: ChartsSkeleton,
});

/**
 * bench/README.md: rendering four recharts charts right after hydration was the dashboard's main-thread
 * cost. They now load and render only once their section is near the viewport and the browser is idle
 * (IntersectionObserver + requestIdleCallback); until then the same-size skeleton holds their place,
 * and the numbers table next to them serves no-JS and screen-reader users.
 */
export function LazyTrendCharts(props: ComponentProps<typeof DynamicTrendCharts>) {
  const ref = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || show) return;
    let idle: number | undefined;
    const useIdle = typeof window.requestIdleCallback === "function";
    const start = () => {
      idle = useIdle
        ? window.requestIdleCallback(() => setShow(true), { timeout: 2000 })
        : window.setTimeout(() => setShow(true), 200);
    };
    const cancel = () => {
      if (idle === undefined) return;
      if (useIdle) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
    if (typeof IntersectionObserver !== "function") {
      start();
      return cancel;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          start();
        }
      },
      { rootMargin: "200px 0px" },
    );
    io.observe(el);
    return () => {
      io.disconnect();
      cancel();
    };
  }, [show]);
  return <div ref={ref}>{show ? <DynamicTrendCharts {...props} /> : <ChartsSkeleton />}</div>;
}
