"use client";

import { plainButtonClass } from "@/components/ui/variant-classes";

// This boundary's code loads with every page, so it styles a plain button like the default `Button` rather than
// shipping `Button`'s class merging, `cva` and Slot to pages that have no other use for them (bench/README.md, P3).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">The error has been logged. Try again, or come back in a moment.</p>
      <button type="button" data-slot="button" className={plainButtonClass} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
