import { z } from "zod";

/** How long a session may go without a request (docs/security.md#sessions), per kind of user, in hours. */
const hours = (who: string, max: number) =>
  z.coerce
    .number({ message: `Give the hours for ${who} as a number` })
    .int(`Give whole hours for ${who}`)
    .min(1, `Give at least 1 hour for ${who}`)
    .max(max, `Give at most ${max} hours for ${who}`);

export const ZSessionIdleSchema = z.object({
  staffIdleHours: hours("team members", 72),
  customerIdleHours: hours("customers", 720),
});
export type SessionIdleInput = z.infer<typeof ZSessionIdleSchema>;
