import type { TFunction } from "i18next";
import { type ApiError, isApiError } from "../../api/client.ts";

/** Messages keyed by field path ("name", "norms.2"); "" holds a message for the whole form. */
export type FieldErrors = Readonly<Record<string, string>>;

export const FORM_LEVEL = "";

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Zod issues → field errors, first message per path wins (the same shape the server sends). */
export function errorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map((part) => String(part)).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** A sentence a person can act on for any failure (network, server, refusal). */
export function describeError(error: unknown, t: TFunction, fromForm = false): string {
  if (!isApiError(error)) return t("errors.unexpected");
  if (error.isNetworkError) return fromForm ? t("errors.networkForm") : t("errors.network");
  if (error.status === 401) return t("errors.signedOut");
  if (error.status === 403) return error.detail ?? t("errors.forbidden");
  if (error.status === 404) return error.detail ?? t("errors.notFound");
  if (error.status === 409) return error.detail ?? t("errors.conflict");
  if (error.status === 429) return t("errors.tooMany");
  if (error.status >= 500) {
    return error.requestId ? t("errors.serverWithId", { requestId: error.requestId }) : t("errors.server");
  }
  return error.detail ?? error.title;
}

/** Server refusal → field errors; anything not tied to a field becomes the form-level message. */
export function errorsFromApi(error: unknown, t: TFunction): FieldErrors {
  const errors: Record<string, string> = {};
  const apiError: ApiError | null = isApiError(error) ? error : null;
  for (const issue of apiError?.errors ?? []) {
    if (!(issue.path in errors)) errors[issue.path] = issue.message;
  }
  if (Object.keys(errors).length === 0) errors[FORM_LEVEL] = describeError(error, t, true);
  return errors;
}

/** The DOM id of the control for a field path, stable so the error summary can link to it. */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^a-zA-Z0-9_-]/g, "-") || "form"}`;
}
