// A generated avatar: the name's initials on a colour picked from the member's id, so it is stable,
// needs no external service and no upload. Decorative: the name always stands beside it.

// Ten colours (app.css .avatar--c0 to c9), each keeping white text above 4.5:1 in both themes.
// Classes, not a style attribute: the Content-Security-Policy allows no inline styles.
const AVATAR_COLOURS = 10;

export function initialsOf(displayName: string): string {
  const all = displayName.trim().split(/\s+/u).filter(Boolean);
  // Words that start with a letter or digit: "Priya Nair (Ledgerly)" is PN, not P(.
  const named = all.filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const words = named.length > 0 ? named : all;
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  // Whole code points, so a name that starts with an emoji or an accented capital stays whole.
  return letters.map((word) => Array.from(word)[0] ?? "").join("").toLocaleUpperCase("en") || "?";
}

export function Avatar({ user, size = 32 }: { user: { id: number; displayName: string }; size?: 24 | 32 | 48 | 96 }) {
  return (
    <span className={`avatar avatar--${size} avatar--c${Math.abs(user.id) % AVATAR_COLOURS}`} aria-hidden="true">
      {initialsOf(user.displayName)}
    </span>
  );
}
