// An edit refused because someone saved a newer revision meanwhile: 409, the user's text kept
// in the form, the current version and a line diff to compare, and the new base revision, so
// saving again is a deliberate choice to replace what is there now.
import { data } from "@remix-run/node";
import { lineDiff, type DiffPart } from "~/lib/line-diff";
import { ConflictError, type EditedVersion } from "~/services/errors";
import { failureFromServiceError, formValues, type FormFailure } from "./responses.server";

export interface ConflictView {
  revision: number;
  editedBy: string | null;
  editedAt: string;
  current: EditedVersion;
  /** From the current version to yours. */
  diff: DiffPart[];
  now: string;
}

function asText(version: EditedVersion): string {
  return [...(version.title !== null ? [`Title: ${version.title}`] : []), ...version.details, "", version.body].join("\n");
}

/** A failed save as the edit form shows it; a conflict carries both versions. */
export function editFailure(error: unknown, form: FormData) {
  if (!(error instanceof ConflictError) || !error.conflict) return failureFromServiceError(error, form);
  const { conflict } = error;
  return data<FormFailure & { conflict: ConflictView }>(
    {
      ok: false,
      errors: { form: error.message },
      values: { ...formValues(form), baseRevision: String(conflict.revision) },
      conflict: {
        revision: conflict.revision,
        editedBy: conflict.editedBy,
        editedAt: new Date(conflict.editedAt).toISOString(),
        current: conflict.current,
        diff: lineDiff(asText(conflict.current), asText(conflict.yours)),
        now: new Date().toISOString(),
      },
    },
    { status: 409 },
  );
}
