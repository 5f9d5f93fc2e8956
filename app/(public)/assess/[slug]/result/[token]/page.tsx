import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { IntakeHeader } from "@/components/intake/intake-header";
import { IntakeResultView } from "@/components/intake/intake-result";
import { api } from "@/trpc/server";

type Props = { params: Promise<{ slug: string; token: string }> };

// the link is the only key to this page: keep it out of search engines and referrers
export const metadata: Metadata = {
  title: "Your readiness result",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** Public, but only with the token from the submission (or its email): a wrong token is a 404. */
async function loadResult(slug: string, token: string) {
  try {
    return await (await api()).intake.result({ tenantSlug: slug, token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export default async function AssessResultPage({ params }: Props) {
  const { slug, token } = await params;
  const result = await loadResult(slug, token);
  return (
    <>
      <IntakeHeader tenantName={result.tenant.name} subtitle="Your readiness result" />
      <main className="mx-auto grid w-full max-w-2xl gap-4 px-4 pb-12">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">Your result</h1>
          <Link href="#next-step" className="text-sm text-primary underline-offset-4 hover:underline">
            Book a call
          </Link>
        </div>
        <IntakeResultView result={result} token={token} />
        <p className="text-center text-sm">
          <Link href={`/assess/${result.tenant.slug}`} className="text-primary underline-offset-4 hover:underline">
            Take the assessment again
          </Link>
        </p>
      </main>
    </>
  );
}
