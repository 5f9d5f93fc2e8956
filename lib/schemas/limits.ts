/**
 * Text limits the forms show (counters, maxLength) as well as the schemas enforce. Kept free of zod so a
 * client form can import them without shipping the schema library to the browser (bench/README.md, P3).
 */
export const MAX_SURVEY_COMMENT = 2000;
export const MAX_SIGN_OFF_COMMENT = 2000;
