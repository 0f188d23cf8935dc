// What an editor sees when someone saved a newer version while they were writing: that version,
// and how it differs from theirs. Their own text stays in the form below it.
import type { ConflictView } from "~/http/edit-conflict.server";
import type { DiffPart } from "~/lib/line-diff";
import { TimeAgo } from "./time-ago";

const MARK = { added: "+ ", removed: "- ", same: "  " } as const;

/** A line diff; the + and - marks say what colour alone would not. */
export function LineDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <pre className="diff" tabIndex={0} aria-label={label}>
      {parts.map((part, index) => (
        <span key={index} className={`diff__${part.kind}`}>
          {part.text
            .replace(/\n$/, "")
            .split("\n")
            .map((line) => `${MARK[part.kind]}${line}`)
            .join("\n") + "\n"}
        </span>
      ))}
    </pre>
  );
}

/** The conflict in an edit form's action data, if the save was refused for one. */
export function conflictIn(result: unknown): ConflictView | null {
  return (result as { conflict?: ConflictView } | undefined)?.conflict ?? null;
}

export function EditConflict({ conflict }: { conflict: ConflictView }) {
  const { current } = conflict;
  return (
    <section className="card notice stack" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved a new version</h2>
      <p>
        Revision {conflict.revision}
        {conflict.editedBy ? <> was saved by {conflict.editedBy}</> : " was saved"} <TimeAgo date={conflict.editedAt} now={conflict.now} />, after you
        opened this form. Your text is unchanged in the form below; if you save again, it replaces this version.
      </p>
      <h3>The current version</h3>
      <pre className="diff" tabIndex={0} aria-label="The current version">
        {[...(current.title !== null ? [`Title: ${current.title}`] : []), ...current.details, "", current.body].join("\n")}
      </pre>
      <h3>How yours differs</h3>
      <p>Lines marked - are only in the current version; lines marked + are only in yours.</p>
      <LineDiff parts={conflict.diff} label="Differences between the current version and yours" />
    </section>
  );
}
