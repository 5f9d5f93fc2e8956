/**
 * An `<input type="number">` held in a form as a number (docs/architecture.md#forms): empty text is "not
 * entered" (undefined), anything else becomes a number — NaN when it is not one, so the shared schema refuses
 * it with its own message rather than the form guessing one.
 */
export function numberFromInput(text: string): number | undefined {
  return text.trim() === "" ? undefined : Number(text);
}

/** The text the number box shows for a form value: nothing for "not entered" and for what is not a number. */
export function inputFromNumber(value: number | null | undefined): number | "" {
  return value === undefined || value === null || Number.isNaN(value) ? "" : value;
}
