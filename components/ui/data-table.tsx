"use client";

import Link from "next/link";
import type * as React from "react";
import { tableFeatures, useTable, type ColumnDef } from "@tanstack/react-table";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/**
 * The one list table (docs/architecture.md#one-way-for-each-thing), shadcn's data-table on TanStack Table.
 * Sorting and paging happen in SQL: a sortable header is a link to the same page with `sort` / `dir` set
 * (page back to 1), and `aria-sort` tells screen readers the current order. Under 640 px each row becomes a
 * card of "label: value" lines, so a phone at 360 px never scrolls sideways. Columns hold functions, so a
 * server page imports them from a client module (`"use client"`) next to the feature's components.
 */
export type DataTableColumn<TData> = {
  id: string;
  /** the column's heading, and each value's label on a phone */
  header: string;
  cell: (row: TData) => React.ReactNode;
  /** the `sort` value that orders by this column, when the list can */
  sortKey?: string;
  align?: "right";
  className?: string;
};

export type DataTableSort = { key: string; direction: "asc" | "desc" };

const FEATURES = tableFeatures({});

export function DataTable<TData extends { id: string }>({
  columns,
  rows,
  caption,
  sort,
  sortHref,
  captionVisible = false,
}: {
  columns: DataTableColumn<TData>[];
  rows: TData[];
  /** names the table for screen readers (and, with captionVisible, for everyone) */
  caption: string;
  sort?: DataTableSort;
  /** the page's URL with `sort` and `dir` (and page 1) — built by the page with listHref */
  sortHref?: Record<string, { asc: string; desc: string }>;
  captionVisible?: boolean;
}) {
  const table = useTable({
    features: FEATURES,
    data: rows,
    getRowId: (row: TData) => row.id,
    columns: columns.map((c): ColumnDef<typeof FEATURES, TData> => ({
      id: c.id,
      header: c.header,
      cell: ({ row }) => c.cell(row.original),
    })),
  });
  const byId = new Map(columns.map((c) => [c.id, c]));
  return (
    <Table className="max-sm:block">
      <TableCaption className={captionVisible ? undefined : "sr-only"}>{caption}</TableCaption>
      <TableHeader className="max-sm:sr-only">
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const column = byId.get(header.column.id);
              if (!column) return null;
              const active = sort && column.sortKey === sort.key ? sort.direction : undefined;
              const links = column.sortKey ? sortHref?.[column.sortKey] : undefined;
              return (
                <TableHead
                  key={header.id}
                  aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : undefined}
                  className={cn(column.align === "right" && "text-right", column.className)}
                >
                  {links ? (
                    <Link
                      href={active === "desc" ? links.asc : links.desc}
                      // the visible heading first, then the order: "Created, sorted descending"
                      aria-label={`${column.header}, ${active ? `sorted ${active === "asc" ? "ascending" : "descending"}` : "sort"}`}
                      className="hover:underline"
                    >
                      {column.header}
                      {active ? <span aria-hidden>{active === "asc" ? " ↑" : " ↓"}</span> : null}
                    </Link>
                  ) : (
                    column.header
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody className="max-sm:block">
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} className="align-top max-sm:block max-sm:py-2">
            {row.getAllCells().map((cell) => {
              const column = byId.get(cell.column.id);
              if (!column) return null;
              return (
                <TableCell
                  key={cell.id}
                  className={cn(
                    "max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:py-1 max-sm:text-right max-sm:whitespace-normal",
                    column.align === "right" && "text-right tabular-nums",
                    column.className,
                  )}
                >
                  <span aria-hidden className="shrink-0 text-left font-medium text-muted-foreground sm:hidden">
                    {column.header}
                  </span>
                  <span className="min-w-0 break-words max-sm:text-right">{column.cell(row.original)}</span>
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
