// What a service can refuse, in terms a route turns into a status code and a message.
import type { FieldErrors } from "~/forms/fields";

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(what = "That page") {
    super(`${what} does not exist.`);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
}

/** The request conflicts with what already exists (an answer promoted twice). */
export class ConflictError extends Error {
  readonly status = 409;
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

export type ServiceError = NotFoundError | ForbiddenError | ConflictError | InvalidInputError | RateLimitedError;

export function isServiceError(error: unknown): error is ServiceError {
  return (
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ConflictError ||
    error instanceof InvalidInputError ||
    error instanceof RateLimitedError
  );
}
