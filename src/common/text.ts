/** Text as entered without surrounding blanks; nothing, or only blanks, is null. */
export function trimmedOrNull(text: string | undefined | null): string | null {
  return text?.trim() || null;
}
