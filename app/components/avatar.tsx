// A generated avatar: the name's initials on a colour picked from the member's id, so it is stable,
// needs no external service and no upload. Decorative: the name always stands beside it.

// Each colour keeps white text above 4.5:1 (WCAG AA), in both themes.
const AVATAR_COLOURS = ["#1d4ed8", "#7c3aed", "#b91c1c", "#047857", "#9a3412", "#0e7490", "#be185d", "#4d7c0f", "#374151", "#6d28d9"];

export function initialsOf(displayName: string): string {
  const words = displayName.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  // Whole code points, so a name that starts with an emoji or an accented capital stays whole.
  return letters.map((word) => Array.from(word)[0] ?? "").join("").toLocaleUpperCase("en") || "?";
}

export function Avatar({ user, size = 32 }: { user: { id: number; displayName: string }; size?: 24 | 32 | 48 | 96 }) {
  const colour = AVATAR_COLOURS[Math.abs(user.id) % AVATAR_COLOURS.length];
  return (
    <span className={`avatar avatar--${size}`} style={{ background: colour }} aria-hidden="true">
      {initialsOf(user.displayName)}
    </span>
  );
}
