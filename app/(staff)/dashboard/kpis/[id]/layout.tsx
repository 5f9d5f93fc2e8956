import { notFound } from "next/navigation";
import { isKpiId } from "@/domain/dashboard/targets";

/** An unknown KPI is a 404 before the page's loading boundary streams (docs/security.md#web-hardening-decisions). */
export default async function KpiLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  if (!isKpiId((await params).id)) notFound();
  return children;
}
