import type { JobName } from "@/lib/schemas/jobs";
import { accountScoresJob } from "./account-scores";
import { educationDeliveriesJob } from "./education-deliveries";
import { guaranteesJob } from "./guarantees";
import { milestoneCheckJob } from "./milestone-check";
import { outboxJob } from "./outbox";
import { progressDigestsJob } from "./progress-digests";
import type { JobDefinition } from "./runner";
import { surveyTriggersJob } from "./survey-triggers";

/** Every scheduled job by name: cron routes, the admin "run now" and the scheduler use this list. */
export const JOBS: Record<JobName, JobDefinition> = {
  "progress-digests": progressDigestsJob,
  "milestone-check": milestoneCheckJob,
  "survey-triggers": surveyTriggersJob,
  "education-deliveries": educationDeliveriesJob,
  outbox: outboxJob,
  guarantees: guaranteesJob,
  "account-scores": accountScoresJob,
};
