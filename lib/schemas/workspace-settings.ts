import { z } from "zod";

/**
 * Workspace-wide security settings an admin changes on Settings (docs/security.md). Each field left out keeps
 * its stored value.
 */
export const ZWorkspaceSettingsSchema = z.object({
  /** four eyes on refunds (docs/security.md#refunds-four-eyes): off by default; on for one-person companies */
  refundsByOnePerson: z.boolean({ error: "Choose whether one person may take a refund through every step" }).optional(),
});
export type WorkspaceSettingsInput = z.infer<typeof ZWorkspaceSettingsSchema>;
