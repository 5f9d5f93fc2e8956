/**
 * The text of a form field read with FormData.get(): the string typed, or "" when the field is
 * missing (a file in a text field reads as "" too, never "[object File]").
 */
export function formText(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}
