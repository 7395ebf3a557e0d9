/** A failure a person can act on; the error plugin turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, type: string, title: string, detail?: string, errors: FieldError[] = []) {
    super(detail ?? title);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
  }
}

export type FieldError = { path: string; message: string };

export const notFound = (what = "This page") =>
  new AppError(404, "not-found", "Not found", `${what} does not exist, or you do not have access to it.`);

/** Not allowed; `path` names the form field when one field is what may not be changed. */
export const forbidden = (detail = "You do not have permission to do this.", path?: string) =>
  new AppError(403, "forbidden", "Not allowed", detail, path ? [{ path, message: detail }] : []);

export const unauthorized = () =>
  new AppError(401, "unauthorized", "Sign in required", "Please sign in to continue.");

/** Bad input: name the field (`path`) and say what to fix. */
export const invalid = (path: string, message: string) =>
  new AppError(400, "validation", "Please check the highlighted fields", message, [{ path, message }]);

export const conflict = (detail: string, path?: string) =>
  new AppError(409, "conflict", "Conflict", detail, path ? [{ path, message: detail }] : []);

export const gone = (detail: string) => new AppError(410, "gone", "No longer available", detail);
