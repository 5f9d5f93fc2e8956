import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { IntakeHeader } from "@/components/intake/intake-header";
import { IntakeWizard } from "@/components/intake/intake-wizard";
import { api } from "@/trpc/server";

type Props = { params: Promise<{ slug: string }> };

/** Public on purpose (docs/domain.md#self-service-assessment): a prospect assesses their readiness without an account. */
async function loadForm(slug: string) {
  try {
    return await (await api()).intake.form({ tenantSlug: slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const form = await loadForm((await params).slug);
  return {
    title: `Readiness assessment · ${form.tenant.name}`,
    description: `Find out in five minutes whether your project is ready for a fixed-scope delivery with ${form.tenant.name}.`,
  };
}

export default async function AssessPage({ params }: Props) {
  const form = await loadForm((await params).slug);
  return (
    <>
      <IntakeHeader tenantName={form.tenant.name} subtitle="Project readiness assessment" />
      <main className="mx-auto grid w-full max-w-2xl gap-4 px-4 pb-12">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Is your project ready to start?</h1>
          <p className="text-muted-foreground">
            Answer {form.categories.reduce((n, c) => n + c.criteria.length, 0)} short questions and a few project
            basics. You get your readiness score, the services and package that fit, and what would improve your
            chances, right away. Your answers are kept if the page reloads.
          </p>
        </div>
        <IntakeWizard form={form} />
      </main>
    </>
  );
}
