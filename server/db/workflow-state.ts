import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { KICKOFF_PHASES } from "@/domain/kickoff/config";
import {
  JOURNEY_PHASES,
  completePhases,
  type JourneyStep,
  type KickoffStep,
  type PhaseState,
} from "@/domain/journey/phases";

/**
 * The two workflow-state JSON columns, `Journey.phases` and `Project.kickoff`, are parsed here and only
 * here (docs/architecture.md#workflow-state): each has one read function (stored JSON → typed value) and
 * one write function (typed value → JSON), and no other code reads or writes the raw JSON.
 *
 * Reads are lenient, as stored rows may come from earlier versions: an entry that does not parse is
 * dropped, missing journey phases read as pending, and fields a row lacks take their empty value.
 * Writes are strict: a value that does not match the schema is a bug and throws before anything is saved.
 */

const ZIsoTimeSchema = z.string().nullable().default(null);

const ZStepBaseSchema = z.object({
  status: z.enum(["pending", "in_progress", "completed", "failed"]),
  startedAt: ZIsoTimeSchema,
  finishedAt: ZIsoTimeSchema,
  detail: z.string().nullable().default(null),
  error: z.string().optional(),
});

const ZJourneyStepSchema = ZStepBaseSchema.extend({ phase: z.string() }) satisfies z.ZodType<JourneyStep>;

const ZKickoffStepSchema = ZStepBaseSchema.extend({ phase: z.enum(KICKOFF_PHASES) });

/** Names stored by earlier versions for a phase ("tier" was written for the tier recommendation). */
const PHASE_ALIASES: Record<string, (typeof JOURNEY_PHASES)[number]> = { tier: "tier_recommendation" };

const ZPhaseStateSchema = z.object({
  phase: z.preprocess((v) => (typeof v === "string" ? (PHASE_ALIASES[v] ?? v) : v), z.enum(JOURNEY_PHASES)),
  status: z.enum(["pending", "in_progress", "completed", "stopped", "failed"]),
  startedAt: ZIsoTimeSchema,
  finishedAt: ZIsoTimeSchema,
  detail: z.string().nullable().default(null),
  reasons: z.array(z.string()).catch([]).default([]),
  error: z.string().optional(),
  recoveryActions: z.array(z.string()).optional(),
  steps: z.array(ZJourneyStepSchema).optional(),
});

/** Every entry of a stored array that parses; anything else (not an array, a bad entry) is skipped. */
function parsedEntries<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** `Journey.phases` → the six phases in order (docs/domain.md#journey). */
export function readJourneyPhases(value: Prisma.JsonValue | null | undefined): PhaseState[] {
  return completePhases(parsedEntries(value, ZPhaseStateSchema));
}

/** The six phases → `Journey.phases`. */
export function journeyPhasesJson(phases: readonly PhaseState[]): Prisma.InputJsonValue {
  return z.array(ZPhaseStateSchema).parse(phases);
}

/** `Project.kickoff` → the kickoff steps as they ran (docs/domain.md#kickoff). */
export function readKickoffSteps(value: Prisma.JsonValue | null | undefined): KickoffStep[] {
  return parsedEntries(value, ZKickoffStepSchema);
}

/** The kickoff steps → `Project.kickoff`. */
export function kickoffStepsJson(steps: readonly KickoffStep[]): Prisma.InputJsonValue {
  return z.array(ZKickoffStepSchema).parse(steps);
}

/** The kickoff steps the journey's kickoff phase keeps, typed as the project's own record is. */
export function kickoffStepsOf(phase: PhaseState | undefined): KickoffStep[] {
  return parsedEntries(phase?.steps ?? [], ZKickoffStepSchema);
}
