import type { Metadata } from "next";
import { CalendarFeedCard } from "@/components/calendar/calendar-feed-card";
import { PreferencesForm } from "@/components/settings/notifications/preferences-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Notification settings" };

/** A staff member's own channels and digest frequency. */
export default async function NotificationSettingsPage() {
  await requirePermission("preferences:write");
  const trpc = await api();
  const [prefs, feed] = await Promise.all([trpc.preferences.channels(), trpc.calendar.feed()]);
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Where Onward reaches you, and how often you get the progress digest of your projects."
      />
      <Card>
        <CardContent>
          <PreferencesForm
            initial={prefs}
            urgentNote="Urgent alerts — a failed or overdue milestone, an escalation, a refund — are sent at once on your email, Slack and Teams channels, whatever the digest setting."
          />
        </CardContent>
      </Card>
      <div className="mt-6">
        <CalendarFeedCard
          initial={feed}
          what="the weekly reviews, meetings and video sessions of the projects you lead or look after"
        />
      </div>
    </>
  );
}
