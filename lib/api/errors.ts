// Application errors carry the HTTP status and a stable code; route() turns them into
// application/problem+json (RFC 9457). Anything else becomes an opaque 500.
import { localizeServerMessage } from "../i18n/server-messages";
import type { Locale } from "../i18n";

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to continue.");
export const forbidden = (reason: string, extra: Record<string, unknown> = {}) =>
  new AppError(403, "forbidden", reason, [], extra);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
export const conflict = (message: string, code = "conflict") => new AppError(409, code, message);
export const invalid = (issues: FieldIssue[], message = "The request has invalid fields.") =>
  new AppError(422, "invalid", message, issues);
export const badRequest = (message: string) => new AppError(400, "bad_request", message);

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** `locale` re-words the detail and the field messages for a caller who asked for another language (code and title stay). */
export function problemBody(err: AppError, instance?: string, locale: Locale = "en") {
  return {
    type: `https://tenantry.io/problems/${err.code}`,
    title: titles[err.status] ?? "Error",
    status: err.status,
    code: err.code,
    detail: localizeServerMessage(err.message, locale),
    ...(instance ? { instance } : {}),
    ...(err.issues.length ? { issues: err.issues.map((i) => ({ ...i, message: localizeServerMessage(i.message, locale) })) } : {}),
    ...err.extra,
  };
}

export function problemResponse(err: AppError, instance?: string, locale?: Locale): Response {
  return new Response(JSON.stringify(problemBody(err, instance, locale)), {
    status: err.status,
    // Nothing under /api/v1 is for a cache to keep (lib/api/route.ts says the same of every answer).
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
