import Link from "next/link";
import type * as React from "react";
import { cn } from "@/lib/utils";

export type FilterChip = { key: string; label: React.ReactNode; href: string; current: boolean };

/**
 * One row of filter links for a list page (docs/architecture.md#one-way-for-each-thing): each chip is a link
 * to the filtered URL, the chosen one marked `aria-current`, so filters work without script, from the
 * keyboard, and as bookmarks.
 */
export function FilterChips({ label, chips, className }: { label: string; chips: FilterChip[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("flex flex-wrap gap-2", className)}>
      {chips.map((chip) => (
        <Link
          key={chip.key}
          href={chip.href}
          aria-current={chip.current ? "page" : undefined}
          className="rounded-full border px-3 py-1 text-sm hover:bg-accent aria-[current=page]:border-primary aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
        >
          {chip.label}
        </Link>
      ))}
    </nav>
  );
}
