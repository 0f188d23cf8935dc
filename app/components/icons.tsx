// Small inline SVG icons: drawn with currentColor, so they follow the text colour in both themes,
// and they need no icon or emoji font on the reader's machine. Decorative: the words beside them
// (or a visually hidden label) carry the meaning.
import type { ReactNode } from "react";

function Icon({ children, size = 16, className }: { children: ReactNode; size?: number; className?: string }) {
  return (
    <svg className={`icon${className ? ` ${className}` : ""}`} width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const CheckIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M3 8.5l3.2 3L13 4.5" />
  </Icon>
);

export const ArrowUpIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M8 3.5l5 6H3z" fill="currentColor" />
  </Icon>
);

export const ArrowDownIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M8 12.5l5-6H3z" fill="currentColor" />
  </Icon>
);

export const BookIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M2.5 3.5h4a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 0-1.5-1.5h-4zM13.5 3.5h-4A1.5 1.5 0 0 0 8 5v8a1.5 1.5 0 0 1 1.5-1.5h4z" />
  </Icon>
);

export const SearchIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5l3.5 3.5" />
  </Icon>
);

export const MenuIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
  </Icon>
);

export const ThemeIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" />
  </Icon>
);

/** The brand mark: a filled diamond. */
export const LogoMark = (props: { size?: number }) => (
  <Icon {...props} className="logo-mark">
    <path d="M8 1.5l6.5 6.5L8 14.5 1.5 8z" fill="currentColor" stroke="none" />
  </Icon>
);

export const BellIcon = (props: { size?: number }) => (
  <Icon {...props}>
    <path d="M4 11.5V7a4 4 0 018 0v4.5l1 1.2H3z" />
    <path d="M6.5 14a1.6 1.6 0 003 0" />
  </Icon>
);
