/**
 * Text limits the forms show (counters, maxLength) as well as the schemas enforce. Kept free of zod so a
 * client form can import them without shipping the schema library to the browser (bench/README.md, P3).
 */
export const MAX_SURVEY_COMMENT = 2000;
export const MAX_SIGN_OFF_COMMENT = 2000;
/**
 * The survey scale's message (SCALE_MIN to SCALE_MAX of domain/surveys/scores.ts, written out so the survey
 * form imports no more than this file): the form shows it before sending, the schema when it refuses a score.
 */
export const SURVEY_SCALE_MESSAGE = "Choose a score from 0 to 10";
