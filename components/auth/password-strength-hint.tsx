"use client";

import { useDeferredValue, useMemo } from "react";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordStrength,
  type PasswordScore,
} from "@/lib/password-strength";

const STRENGTH_WORD: Record<PasswordScore, string> = {
  0: "very weak",
  1: "weak",
  2: "fair",
  3: "good",
  4: "strong",
};

/**
 * The password field's description: the rule, then a live estimate of the password typed so far (the same
 * estimate the server applies, docs/security.md#passwords) with what would make it stronger.
 */
export function PasswordStrengthHint({ password: typed }: { password: string }) {
  const password = useDeferredValue(typed);
  const hint = useMemo(() => {
    if (!password) return null;
    if (password.length < PASSWORD_MIN_LENGTH) {
      const missing = PASSWORD_MIN_LENGTH - password.length;
      return `${missing} more character${missing === 1 ? "" : "s"} to go.`;
    }
    if (password.length > PASSWORD_MAX_LENGTH) return null;
    const { score, problem } = passwordStrength(password);
    return `Strength: ${STRENGTH_WORD[score]}.${problem ? ` ${problem.replace(/^This password is too easy to guess\. /, "")}` : ""}`;
  }, [password]);
  return (
    <>
      At least {PASSWORD_MIN_LENGTH} characters, hard to guess.{" "}
      <span aria-live="polite" data-testid="password-strength">
        {hint}
      </span>
    </>
  );
}
