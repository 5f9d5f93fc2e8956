import { z } from "zod";
import { ZIdSchema } from "./common";

export const ZPortalProjectSchema = z.object({ projectId: ZIdSchema });
