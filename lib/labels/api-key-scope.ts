import type { ApiKeyScope } from "@/lib/schemas/api-keys";

/** What each API key permission lets an integration do, in words (docs/api.md#scopes). */
export const API_KEY_SCOPE_LABEL: Record<ApiKeyScope, string> = {
  "leads:read": "Read leads and qualification criteria",
  "leads:write": "Create leads and move their stage",
  "journeys:read": "Read journey status",
  "journeys:write": "Start journeys",
  "projects:read": "Read projects, milestones and guarantees",
};
