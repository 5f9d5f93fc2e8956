import { z } from "zod";
import { ZIdSchema } from "./common";

export const ZCreateApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the system that uses it")
    .max(80, "Key names are at most 80 characters"),
});
export const ZRevokeApiKeySchema = z.object({ tokenId: ZIdSchema });
