import * as React from "react";
import { Inbox } from "lucide-react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** Icon element, e.g. `<Users />`. Defaults to an inbox icon; pass `null` for none. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Optional call to action, e.g. `<Button>New project</Button>`. */
  action?: React.ReactNode;
  /** Heading element for the title (default "h3"). */
  headingAs?: "h2" | "h3" | "h4";
};

function EmptyState({
  icon,
  title,
  description,
  action,
  headingAs: Heading = "h3",
  className,
  ...props
}: EmptyStateProps) {
  const iconNode = icon === undefined ? <Inbox /> : icon;
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {iconNode}
        </div>
      ) : null}
      <div className="flex max-w-sm flex-col gap-1">
        <Heading className="text-base font-semibold">{title}</Heading>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
