import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * Table wrapped in a horizontally scrollable container for small screens.
 * Name the table with a <TableCaption> (can be `sr-only`) or `aria-label`: the container is a named,
 * focusable region so a keyboard user can scroll a table wider than the screen (docs/quality.md#every-page).
 */
function Table({
  className,
  containerClassName,
  children,
  ...props
}: React.ComponentProps<"table"> & { containerClassName?: string }) {
  const captionId = React.useId();
  const isCaption = (child: React.ReactNode): child is React.ReactElement<React.ComponentProps<"caption">> =>
    React.isValidElement(child) && child.type === TableCaption;
  const caption = React.Children.toArray(children).find(isCaption);
  const content = React.Children.map(children, (child) =>
    isCaption(child) && !child.props.id ? React.cloneElement(child, { id: captionId }) : child,
  );
  const label = props["aria-label"];
  const labelledBy = props["aria-labelledby"] ?? (label || !caption ? undefined : (caption.props.id ?? captionId));
  return (
    <div
      data-slot="table-container"
      role={label || labelledBy ? "region" : undefined}
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      tabIndex={0}
      className={cn(
        "relative w-full overflow-x-auto rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        containerClassName,
      )}
    >
      <table data-slot="table" className={cn("w-full caption-bottom text-sm", className)} {...props}>
        {content}
      </table>
    </div>
  );
}

function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("border-t bg-muted/50 font-medium [&>tr]:last:border-b-0", className)}
      {...props}
    />
  );
}

function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted", className)}
      {...props}
    />
  );
}

function TableHead({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        "h-10 px-3 text-left align-middle font-medium whitespace-nowrap text-muted-foreground [&:has([role=checkbox])]:pr-0",
        className,
      )}
      {...props}
    />
  );
}

function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td
      data-slot="table-cell"
      className={cn("p-3 align-middle whitespace-nowrap [&:has([role=checkbox])]:pr-0", className)}
      {...props}
    />
  );
}

function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption data-slot="table-caption" className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />
  );
}

export { Table, TableHeader, TableBody, TableFooter, TableRow, TableHead, TableCell, TableCaption };
