-- Slack and Teams URLs must be on the channels' own hosts or on hosts an admin adds for the workspace
-- (docs/security.md#chat-webhook-hosts).

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "chatWebhookHosts" TEXT[] DEFAULT ARRAY[]::TEXT[];
