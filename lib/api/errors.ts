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

/**
 * Every problem `code` the API answers, with its status and what it means: the OpenAPI document (lib/api/openapi.ts)
 * publishes them, and lib/api/openapi.test.ts fails when the sources throw a code that is not here.
 */
export const PROBLEM_CODES: Record<string, { status: number; description: string }> = {
  bad_request: { status: 400, description: "The body is not JSON, or the request cannot be read." },
  unauthenticated: { status: 401, description: "No valid session or bearer token (or a disabled account)." },
  forbidden: { status: 403, description: "Visible, but the caller lacks the permission named in `action`." },
  cross_origin: { status: 403, description: "A browser mutation from another origin." },
  password_change_required: { status: 403, description: "The account must change its password first." },
  escalation: { status: 403, description: "The change would grant more than the caller holds." },
  self_escalation: { status: 403, description: "Callers cannot raise their own role." },
  not_covered: { status: 403, description: "The target user or member holds more than the caller." },
  not_found: { status: 404, description: "Does not exist, or the caller may not see it." },
  method_not_allowed: { status: 405, description: "The path does not answer this method (see Allow)." },
  conflict: { status: 409, description: "The change conflicts with the current state." },
  already_exists: { status: 409, description: "The name is taken." },
  in_use: { status: 409, description: "Still used (a cluster hosting projects, a role with members)." },
  not_empty: { status: 409, description: "A workspace that still has projects." },
  last_admin: { status: 409, description: "The scope's last admin cannot be removed or demoted." },
  members_not_in_target: { status: 409, description: "A project's members are not members of the workspace it would move to; `members` names them." },
  builtin_role: { status: 409, description: "Built-in roles cannot be changed or deleted." },
  self_disable: { status: 409, description: "Callers cannot disable their own account." },
  self_delete: { status: 409, description: "Callers cannot delete their own account." },
  too_large: { status: 413, description: "The body is larger than the route accepts." },
  invalid: { status: 422, description: "Invalid fields; `issues` names each (`path`, `message`)." },
  internal: { status: 500, description: "A fault on the server's side; it has been logged." },
  cluster_forbidden: { status: 403, description: "The cluster's RBAC does not let the caller's cluster identity read this; `detail` names who and what." },
  cluster_error: { status: 502, description: "The cluster answered with an error (its own words are in the server log)." },
  cluster_unavailable: { status: 503, description: "The cluster does not answer." },
  audit_webhook_needs_tls: { status: 503, description: "No TLS endpoint for the audit webhook is configured." },
};

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
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
