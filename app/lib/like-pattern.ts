/** A LIKE pattern that finds `text` anywhere, with the user's own % and _ matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
