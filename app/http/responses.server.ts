// Turning what services refuse into HTTP answers: 400 with field messages (and the user's
// text, which the form keeps), 403, 404, 429 with Retry-After. Never a 500 for bad input.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors } from "~/forms/fields.server";
import { type FieldErrors } from "~/forms/limits";
import { BodyTooLargeError, FORM_BYTES_LIMIT, readFormBody } from "~/http/body.server";
import { InvalidInputError, RateLimitedError, isServiceError } from "~/services/errors";
import type { QuestionChoice } from "~/services/question-choices.server";

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  intent?: string;
  postId?: number;
  /** An "original question" field that named no question yet: the questions matching its words. */
  choices?: QuestionChoice[];
}

/** The submitted text fields, to put back in the form. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // Passwords never travel back to the page, whatever the form calls them.
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export function invalid(form: FormData, errors: FieldErrors, extra: Partial<FormFailure> = {}, status = 400) {
  return data<FormFailure>({ ok: false, errors, values: formValues(form), ...extra }, { status });
}

export function parseForm<T extends z.ZodType>(schema: T, form: FormData):
  | { success: true; data: z.output<T> }
  | { success: false; errors: FieldErrors } {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") raw[key] = value;
  const parsed = schema.safeParse(raw);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, errors: fieldErrors(parsed.error) };
}

/** Service refusals shown in the form that caused them; anything else is a real fault. */
export function failureFromServiceError(error: unknown, form: FormData, extra: Partial<FormFailure> = {}) {
  if (!isServiceError(error)) throw error;
  if (error instanceof InvalidInputError) return invalid(form, error.fieldErrors, extra, 400);
  const headers: HeadersInit = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return data<FormFailure>(
    { ok: false, errors: { form: error.message }, values: formValues(form), ...extra },
    { status: error.status, headers },
  );
}

/** For loaders: a service refusal becomes an error response the ErrorBoundary shows. */
export function throwAsResponse(error: unknown): never {
  if (!isServiceError(error)) throw error;
  const headers: HeadersInit = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  throw data({ message: error.message }, { status: error.status, headers });
}

export function notFound(what = "That page"): never {
  throw data({ message: `${what} does not exist.` }, { status: 404 });
}

/**
 * The one way routes read a submitted form: the body is counted while it streams and refused
 * with 413 past the cap (see body.server.ts), then parsed, then cleaned of NUL characters.
 * Thrown as a Response, not data(): a resource route (the markdown preview) turns a thrown
 * data() into a bare "Unexpected Server Error", while a Response reaches every caller as is.
 */
export async function readForm(request: Request, maxBytes = FORM_BYTES_LIMIT): Promise<FormData> {
  let form: FormData;
  try {
    form = await readFormBody(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // Closing the connection spares the server the rest of an upload nobody will read.
      throw Response.json({ message: error.message }, { status: 413, headers: { Connection: "close" } });
    }
    throw Response.json({ message: "That submission could not be read." }, { status: 400 });
  }
  return withoutNul(form);
}

/**
 * PostgreSQL text cannot hold U+0000 (a NUL in a revision summary was a 500, error 22021), and
 * nobody types one: it comes from pasted binary or a probe. Stripping it here, once, covers every
 * field of every form, hidden ones and ones no schema checks, and keeps the rest of what was typed;
 * rejecting would need a message for fields the user cannot even see.
 */
function withoutNul(form: FormData): FormData {
  const clean = new FormData();
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") clean.append(key.replace(/\u0000/g, ""), value.replace(/\u0000/g, ""));
    else clean.append(key, value);
  }
  return clean;
}

/** For JSON resource routes: a service refusal as `{ message }` with its status (and Retry-After). */
export function jsonFailure(error: unknown): Response {
  if (!isServiceError(error)) throw error;
  const headers: HeadersInit = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return Response.json({ message: error.message }, { status: error.status, headers });
}
