/**
 * A small typed fetch client for the Lamplight API.
 * Every failure becomes an ApiError: RFC 9457 problem details from /api/v1, Better Auth's
 * `{ code, message }` from /api/auth, or a network failure (status 0).
 */

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  title: string;
  detail?: string | undefined;
  errors?: FieldIssue[] | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[];
  readonly code: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.code = init.code;
    this.requestId = init.requestId;
  }

  /** True when the request never reached the server (offline, DNS, connection reset). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Registered once by the app: what to do when the session is gone (send the person to sign in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Sent as the Idempotency-Key header so a retried create never creates twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Do not redirect to sign-in on 401 (for "who am I?" and auth endpoints). */
  allowUnauthorized?: boolean;
}

function buildUrl(path: string, query: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: FieldIssue[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.message === "string") {
      issues.push({ path: typeof item.path === "string" ? item.path : "", message: item.message });
    }
  }
  return issues;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Turns any error body (problem+json, Better Auth, or nothing) into an ApiError. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (isRecord(body)) {
    const title = optionalString(body.title) ?? optionalString(body.message) ?? statusText;
    return new ApiError({
      status,
      title,
      detail: optionalString(body.detail) ?? optionalString(body.message),
      errors: readIssues(body.errors),
      code: optionalString(body.code),
      requestId: optionalString(body.requestId),
    });
  }
  return new ApiError({ status, title: statusText || `HTTP ${status}` });
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls the API and returns the parsed JSON body; throws ApiError on any failure. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, title: "Network error" });
  }

  const body = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorized && path.startsWith("/api/v1/")) {
      onUnauthorized?.();
    }
    throw toApiError(response.status, response.statusText, body);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, "method" | "body">) =>
    request<T>(path, { ...options, method: "GET" }),
  post: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, "method" | "body">) =>
    request<T>(path, { ...options, method: "POST", body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, "method" | "body">) =>
    request<T>(path, { ...options, method: "PATCH", body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, "method" | "body">) =>
    request<T>(path, { ...options, method: "DELETE" }),
};

/** A fresh key for one form's create request; keep it for retries of the same submission. */
export function newIdempotencyKey(): string {
  // randomUUID only exists in secure contexts; a school may self-host on plain http inside its network.
  if (typeof crypto.randomUUID === "function" && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
