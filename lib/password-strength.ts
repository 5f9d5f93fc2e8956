import { ZxcvbnFactory, type Score } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";

/**
 * Password policy (docs/security.md#passwords): at least PASSWORD_MIN_LENGTH characters and a zxcvbn score
 * of at least PASSWORD_MIN_SCORE (0–4; 3 is "safely unguessable"). The dictionaries are bundled, so the
 * check needs no network; only pages that set a password import this module.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_MIN_SCORE = 3;

export type { Score as PasswordScore } from "@zxcvbn-ts/core";

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return estimator;
}

/**
 * How guessable a password is: zxcvbn's score and, below PASSWORD_MIN_SCORE, why in words (its warning
 * and suggestions). `userInputs` are words the person's own details give away (email, name, workspace).
 */
export function passwordStrength(
  password: string,
  userInputs: readonly string[] = [],
): { score: Score; problem: string | null } {
  const words = userInputs.flatMap((input) => [input, ...input.split(/[^\p{L}\p{N}]+/u)]);
  const result = zxcvbn().check(password, [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length > 2))]);
  const score = result.score;
  if (score >= PASSWORD_MIN_SCORE) return { score, problem: null };
  const warning =
    result.feedback.warning === zxcvbnEn.translations.warnings.userInputs
      ? "Do not use your own name, email address or workspace name."
      : result.feedback.warning;
  const why = [warning, ...result.feedback.suggestions].filter(Boolean);
  if (why.length === 0) why.push("Add more words that are less common.");
  return { score, problem: `This password is too easy to guess. ${why.join(" ")}` };
}
