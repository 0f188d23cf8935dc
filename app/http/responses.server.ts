// Turning what services refuse into HTTP answers: 400 with field messages (and the user's
// text, which the form keeps), 403, 404, 429 with Retry-After. Never a 500 for bad input.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "~/forms/fields";
import { InvalidInputError, RateLimitedError, isServiceError } from "~/services/errors";

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  intent?: string;
  postId?: number;
}

/** The submitted text fields, to put back in the form. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && key !== "password") values[key] = value;
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

/** Reads a form body, refusing oversize bodies before they are parsed. */
export async function readForm(request: Request, maxBytes = 4_000_000): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) {
    throw data({ message: "That submission is too large." }, { status: 413 });
  }
  try {
    return await request.formData();
  } catch {
    throw data({ message: "That submission could not be read." }, { status: 400 });
  }
}

/** For JSON resource routes: a service refusal as `{ message }` with its status (and Retry-After). */
export function jsonFailure(error: unknown): Response {
  if (!isServiceError(error)) throw error;
  const headers: HeadersInit = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return Response.json({ message: error.message }, { status: error.status, headers });
}
