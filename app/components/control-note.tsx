// The quiet line a missing control leaves where it would be (controlNote in app/domain/privileges.ts):
// plain text a screen reader reads in order, or a link to log in and come back here.
import { Link } from "@remix-run/react";
import type { ControlNote } from "~/domain/privileges";
import { logInPath } from "~/lib/paths";

export function ControlNoteText({
  note,
  returnTo,
  id,
  as: Tag = "p",
  className,
}: {
  note: ControlNote;
  /** The page to come back to after logging in (only a log-in note links anywhere). */
  returnTo?: string;
  id?: string;
  as?: "p" | "li";
  className?: string;
}) {
  return (
    <Tag className={className ? `control-note ${className}` : "control-note"} id={id}>
      {note.logIn ? <Link to={logInPath(returnTo)}>{note.text}</Link> : note.text}
    </Tag>
  );
}
