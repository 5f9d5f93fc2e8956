import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Import accounts" };

/** Customer accounts from a CSV export (docs/import.md): choose the file, match columns, check the rows, import. */
export default async function ImportAccountsPage() {
  await requirePermission("accounts:write");
  return (
    <>
      <PageHeader
        title="Import customer accounts"
        description="Bring your customers over from a spreadsheet or a CRM export. Nothing is saved until you choose Import."
        actions={
          <Link href="/accounts" className="text-sm underline">
            Back to accounts
          </Link>
        }
      />
      <ImportWizard kind="accounts" />
    </>
  );
}
