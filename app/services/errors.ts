// What a service can refuse, in terms a route turns into a status code and a message.
import type { FieldErrors } from "~/forms/limits";

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(what = "That page") {
    super(`${what} does not exist.`);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
}

/** One version of an edited text as its form shows it: title, other fields as "Label: value" lines, body. */
export interface EditedVersion {
  title: string | null;
  details: string[];
  body: string;
}

/** An edit based on an older revision than the one stored now: both versions, so nothing is lost. */
export interface EditConflict {
  /** The revision stored now: the base a deliberate second submission carries. */
  revision: number;
  editedBy: string | null;
  editedAt: Date;
  current: EditedVersion;
  yours: EditedVersion;
}

/** Said when an edit was based on an older revision than the one saved meanwhile. */
export const EDIT_CONFLICT_MESSAGE =
  "Someone else saved a new version while you were editing. Your text is still in the form: compare it with the current version, keep what you need, and save again to replace it.";

/** The request conflicts with what already exists (an answer promoted twice, an edit of an old revision). */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    message: string,
    readonly conflict?: EditConflict,
  ) {
    super(message);
  }
}

/** A link that was good once and has run out (an old unsubscribe link): 410 Gone. */
export class ExpiredLinkError extends Error {
  readonly status = 410;
}

export class InvalidInputError extends Error {
  readonly status = 400;
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors)[0] ?? "Invalid input.");
  }
}

export class RateLimitedError extends Error {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export type ServiceError = NotFoundError | ForbiddenError | ConflictError | ExpiredLinkError | InvalidInputError | RateLimitedError;

export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ConflictError ||
    error instanceof ExpiredLinkError ||
    error instanceof InvalidInputError ||
    error instanceof RateLimitedError
  );
}
