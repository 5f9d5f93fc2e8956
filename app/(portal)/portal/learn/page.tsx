import type { Metadata } from "next";
import { EducationItem } from "@/components/portal/education-item";
import { ProgressBar } from "@/components/portal/progress-bar";
import { EmptyState } from "@/components/ui/empty-state";
import { TRPCReactProvider } from "@/trpc/client";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Getting started" };

/** The customer's education items (docs/domain.md#education): readable here whenever they like, marked read by them. */
export default async function PortalLearnPage() {
  await requirePermission("portal:read");
  const { items, progress } = await (await api()).portal.education();
  // its forms call tRPC from the browser: the provider lives here, not in the portal layout (bench/README.md, P3)
  return (
    <TRPCReactProvider>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Getting started</h1>
      <p className="mb-4 text-muted-foreground">
        What the guarantee covers, how the weeks run and what we need from you.
      </p>
      {items.length === 0 ? (
        <EmptyState
          title="Nothing to read yet"
          description="Your customer success manager prepares these when your project is being set up."
        />
      ) : (
        <div className="grid gap-4">
          <div className="grid gap-1">
            <ProgressBar value={progress.percent} label="Items read" />
            <p className="text-sm text-muted-foreground">
              {progress.completed} of {progress.total} read.
            </p>
          </div>
          {items.map((entry) => (
            <EducationItem key={entry.id} entry={entry} />
          ))}
        </div>
      )}
    </TRPCReactProvider>
  );
}
