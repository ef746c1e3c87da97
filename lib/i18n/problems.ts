// A problem+json error's stable `code` → a translated one-line summary, shown above the server's detail.
import type { MessageKey, Translate } from "./index";

const byCode: Record<string, MessageKey> = {
  unauthenticated: "problem.unauthenticated",
  forbidden: "problem.forbidden",
  not_found: "problem.not_found",
  already_exists: "problem.already_exists",
  conflict: "problem.conflict",
  invalid: "problem.invalid",
  bad_request: "problem.bad_request",
  escalation: "problem.escalation",
  self_escalation: "problem.self_escalation",
  last_admin: "problem.last_admin",
  in_use: "problem.in_use",
  builtin_role: "problem.builtin_role",
  not_empty: "problem.not_empty",
  cross_origin: "problem.cross_origin",
  method_not_allowed: "problem.method_not_allowed",
  audit_webhook_needs_tls: "problem.audit_webhook_needs_tls",
  internal: "problem.internal",
  cluster_unavailable: "problem.cluster_unavailable",
  cluster_forbidden: "problem.cluster_forbidden",
  cluster_error: "problem.cluster_error",
  too_large: "problem.too_large",
  password_change_required: "problem.password_change_required",
  self_delete: "problem.self_delete",
  self_disable: "problem.self_disable",
};

// Without a known code (a proxy's error page, an older server), the HTTP status still says something.
const byStatus: Record<number, MessageKey> = {
  400: "problem.bad_request",
  401: "problem.unauthenticated",
  403: "problem.forbidden",
  404: "problem.not_found",
  405: "problem.method_not_allowed",
  409: "problem.conflict",
  413: "problem.too_large",
  422: "problem.invalid",
  500: "problem.internal",
  503: "problem.cluster_unavailable",
};

/** The summary of an error: its problem code, else its status; a failed fetch (TypeError) is a network problem. */
export function problemKey(error: unknown): MessageKey {
  if (error instanceof TypeError) return "problem.network";
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return (typeof code === "string" && byCode[code]) || (typeof status === "number" && byStatus[status]) || "problem.generic";
}

export const problemTitle = (error: unknown, t: Translate): string => t(problemKey(error));
