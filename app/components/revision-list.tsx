import { TimeAgo } from "./time-ago";
import { UserName, type NamedUser } from "./user-name";

export interface RevisionView {
  revisionNumber: number;
  title: string | null;
  tags?: string[] | null;
  bodyMarkdown: string;
  /** The editor's summary of the change. */
  summary: string | null;
  createdAt: Date | string;
  editor: NamedUser;
}

/** Every version of a post or article, newest first, with the full source text of each. */
export function RevisionList({ revisions, now }: { revisions: RevisionView[]; now: string }) {
  return (
    <ol className="revisions" reversed>
      {revisions.map((revision) => (
        <li key={revision.revisionNumber} className="revision card">
          <h2 className="revision__heading">
            Revision {revision.revisionNumber}
            {revision.revisionNumber === 1 ? " (original)" : ""}
          </h2>
          <p className="muted">
            <UserName user={revision.editor} /> · <TimeAgo date={revision.createdAt} now={now} />
            {revision.summary ? <> · “{revision.summary}”</> : null}
          </p>
          {revision.title ? <p className="revision__title">{revision.title}</p> : null}
          {revision.tags && revision.tags.length > 0 ? <p className="muted">Tags: {revision.tags.join(", ")}</p> : null}
          <pre className="revision__body" tabIndex={0}>
            {revision.bodyMarkdown}
          </pre>
        </li>
      ))}
    </ol>
  );
}
