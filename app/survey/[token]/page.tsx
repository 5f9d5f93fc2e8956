import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { SurveyForm } from "@/components/portal/survey-form";
import { NoticePage } from "@/components/ui/notice-page";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

// the token is the credential: keep it out of Referer headers and search engines
export const metadata: Metadata = { title: "Survey", referrer: "no-referrer", robots: { index: false, follow: false } };

async function load(token: string) {
  try {
    return await (await api()).surveys.byToken({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return { state: "invalid" as const, message: error.message };
    // rate-limited (server/auth/rate-limit.ts surveyIp / surveyToken): the message says how long to wait
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS")
      return { state: "throttled" as const, message: error.message };
    throw error;
  }
}

const Shell = NoticePage;

/** The one-time survey link from the email: answerable without signing in, once, until it expires. */
export default async function SurveyLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const survey = await load(token);
  if (survey.state === "throttled") return <Shell title="Please wait a moment" description={survey.message} />;
  if (survey.state === "invalid") return <Shell title="This survey link is not valid" description={survey.message} />;
  if (survey.state === "answered")
    return (
      <Shell
        title="Already answered — thank you"
        description="This survey has been answered. There is nothing more to do."
      />
    );
  if (survey.state === "expired") {
    return (
      <Shell
        title="This survey has closed"
        description={`It was open until ${survey.expiresAt ? formatDate(survey.expiresAt) : "its end date"}. Thank you all the same.`}
      />
    );
  }
  return (
    <Shell
      title={`${survey.providerName} · ${survey.projectName}`}
      description="One question, about ten seconds. No sign-in needed."
    >
      <SurveyForm question={survey.question} kind={survey.kind} target={{ token }} />
    </Shell>
  );
}
