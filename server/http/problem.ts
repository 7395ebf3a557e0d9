import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Problem } from "../../shared/schemas/common.ts";
import { AppError, type FieldError } from "./errors.ts";

const PROBLEM_TYPE_BASE = "https://lamplight.dev/problems/";

function send(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, "requestId">) {
  return reply
    .status(problem.status)
    .type("application/problem+json")
    .send({ ...problem, type: PROBLEM_TYPE_BASE + problem.type, requestId: request.id });
}

/** `/norms/2` (JSON pointer) → `norms.2`, the name the web form gives the field. */
const toFieldPath = (pointer: string) => pointer.replace(/^\//, "").replaceAll("/", ".");

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.flatMap((issue) => {
    const params = issue.params as { keys?: string[] };
    if (issue.keyword === "unrecognized_keys" && params.keys) {
      const base = toFieldPath(issue.instancePath);
      return params.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: `"${key}" is not a field here; remove it.`,
      }));
    }
    return [{ path: toFieldPath(issue.instancePath), message: issue.message ?? "This value is not valid." }];
  });
}

/**
 * Every error leaves as RFC 9457 problem+json; 4xx say what to fix, 5xx say nothing internal.
 * Register before the routes: plugins inherit the error handler in force when they are registered.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, {
        type: error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
        errors: error.errors,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationErrors(error);
      const where =
        error.validationContext === "body" ? "" : ` in the ${error.validationContext ?? "request"}`;
      return send(reply, request, {
        type: "validation",
        title: "Please check the highlighted fields",
        status: 400,
        detail: `${errors.length === 1 ? "One value" : `${errors.length} values`}${where} need fixing.`,
        errors,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return send(reply, request, {
        type: "rate-limited",
        title: "Too many requests",
        status,
        detail: "You have made too many requests. Wait a minute and try again.",
      });
    }
    if (status >= 400 && status < 500) {
      return send(reply, request, {
        type: "bad-request",
        title: clientTitle(error),
        status,
        detail: clientDetail(error),
      });
    }
    request.log.error({ err: error }, "request failed");
    return send(reply, request, {
      type: "server-error",
      title: "Something went wrong on our side",
      status: 500,
      detail: `Nothing was changed. Try again; if it keeps happening, give your administrator this reference: ${request.id}.`,
    });
  });
}

/** Unknown API paths answer 404 problem+json; other page paths get the web app (deep links). */
export function registerNotFound(
  app: FastifyInstance,
  spaFallback: ((request: FastifyRequest, reply: FastifyReply) => unknown) | null,
): void {
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && request.url !== "/healthz";
    if (isPage && spaFallback) return spaFallback(request, reply);
    return send(reply, request, {
      type: "not-found",
      title: "Not found",
      status: 404,
      detail: `There is nothing at ${request.method} ${request.url.split("?")[0]}.`,
    });
  });
}

function clientTitle(error: FastifyError): string {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return "Too large";
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return "Unsupported content type";
  return "Bad request";
}

function clientDetail(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "The request is too large. Shorten the text and try again.";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "Send the request as JSON (Content-Type: application/json).";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "The request body is empty; send a JSON object.";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return "The request body is not valid JSON.";
    default:
      return error.message.startsWith("Body is not valid JSON")
        ? "The request body is not valid JSON."
        : "The request could not be understood.";
  }
}
