import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { NoticePage } from "@/components/ui/notice-page";
import { serverEnv } from "@/lib/env";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { subscriptionByToken } from "@/server/services/unsubscribe";

export const dynamic = "force-dynamic";

// the token is the credential: keep it out of Referer headers and search engines
export const metadata: Metadata = {
  title: "Email preferences",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

const Shell = NoticePage;

/**
 * Where the unsubscribe link of a recurring email leads a person (docs/messaging.md#headers): no
 * sign-in, nothing changes on opening it; the button posts the one-click request, and once done the
 * page offers to subscribe again.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    view = await subscriptionByToken(db(), serverEnv().AUTH_SECRET, token);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      return (
        <Shell
          title="This link is not valid"
          description="It may be incomplete or for an account that no longer exists. You can change which emails you get in your notification settings."
        />
      );
    throw error;
  }
  const action = `/api/unsubscribe/${encodeURIComponent(token)}`;
  if (view.unsubscribed)
    return (
      <Shell
        title="You are unsubscribed"
        description={`${view.email} no longer gets ${view.kindLabel} emails. Other emails, and Slack, Teams or in-app messages, are unchanged.`}
      >
        <form method="post" action={action}>
          <input type="hidden" name="action" value="resubscribe" />
          <input type="hidden" name="from" value="page" />
          <Button type="submit" variant="outline">
            Subscribe again
          </Button>
        </form>
      </Shell>
    );
  return (
    <Shell
      title={`Stop ${view.kindLabel} emails?`}
      description={`${view.email} will no longer get ${view.kindLabel} emails. Other emails are unchanged.`}
    >
      <form method="post" action={action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <Button type="submit">Unsubscribe</Button>
      </form>
    </Shell>
  );
}
