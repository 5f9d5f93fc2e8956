import { z } from "zod";
import { ZIdSchema } from "./common";

export const ZAssessmentIdSchema = z.object({ assessmentId: ZIdSchema });
