import type { Metadata } from "next";
import { CalendarFeedCard } from "@/components/calendar/calendar-feed-card";
import { PreferencesForm } from "@/components/settings/notifications/preferences-form";
import { Card, CardContent } from "@/components/ui/card";
import { TRPCReactProvider } from "@/trpc/client";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Notification preferences" };

/** A customer stakeholder's own channels and digest frequency (docs/domain.md#progress-updates communication preferences). */
export default async function PortalPreferencesPage() {
  await requirePermission("portal:read");
  const trpc = await api();
  const [prefs, feed] = await Promise.all([trpc.preferences.channels(), trpc.calendar.feed()]);
  // its forms call tRPC from the browser: the provider lives here, not in the portal layout (bench/README.md, P3)
  return (
    <TRPCReactProvider>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Notification preferences</h1>
      <p className="mb-4 text-muted-foreground">
        How you hear about your project: the channels we use and how often you get a progress update written for your
        role.
      </p>
      <Card>
        <CardContent>
          <PreferencesForm
            initial={prefs}
            urgentNote="At most one progress update a day reaches you, however much happens. Milestones waiting for your sign-off also appear in the portal."
          />
        </CardContent>
      </Card>
      <div className="mt-6">
        <CalendarFeedCard initial={feed} what="your projects' weekly reviews, meetings and video sessions" />
      </div>
    </TRPCReactProvider>
  );
}
