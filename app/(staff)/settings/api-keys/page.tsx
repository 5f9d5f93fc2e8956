import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysCard } from "@/components/settings/api-keys/api-keys-card";
import { requirePermission } from "@/server/auth/guard";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePermission("config:write");
  const keys = await (await api()).apiKeys.list();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the journey REST API. Each key is shown once; only its hash is stored."
      />
      <ApiKeysCard keys={keys} />
    </>
  );
}
