import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Import leads" };

/** Leads from a CSV export (docs/import.md): choose the file, match columns, check the rows, import. */
export default async function ImportLeadsPage() {
  await requirePermission("leads:write");
  return (
    <>
      <PageHeader
        title="Import leads"
        description="Bring your leads over from a spreadsheet or a CRM export. Nothing is saved until you choose Import."
        actions={
          <Link href="/leads" className="text-sm underline">
            Back to the pipeline
          </Link>
        }
      />
      <ImportWizard kind="leads" />
    </>
  );
}
