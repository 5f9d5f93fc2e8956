import { Skeleton } from "@/components/ui/skeleton";

export default function KpiLoading() {
  return (
    <div aria-busy="true" className="grid gap-6">
      <p role="status" className="sr-only">
        Loading the KPI…
      </p>
      <Skeleton className="h-8 w-80" />
      <Skeleton className="h-48 rounded-xl" />
      <div className="grid gap-2">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}
