// Which methods each /api/v1 route answers, so an unsupported one gets a problem+json 405 naming them (with an
// Allow header) instead of Next's empty 405. Next answers a method a route.ts does not export itself, before any
// code of ours runs, so every route.ts also exports lib/api/unanswered.ts's handlers, which its own shadow; they
// answer from this table. methods.test.ts compares it with the handlers every app/api/v1/**/route.ts exports
// (e2e/support/route-table.ts): a route added without its row, or without the unanswered handlers, fails that test.
import { AppError, problemResponse } from "./errors";
import { requestLocale } from "../i18n";

export const ROUTE_METHODS: Record<string, readonly string[]> = {
  "/api/v1/audit/events": ["GET"],
  "/api/v1/audit/export": ["GET"],
  "/api/v1/audit/histogram": ["GET"],
  "/api/v1/audit/verify": ["GET"],
  "/api/v1/audit/webhook/[cluster]": ["POST"],
  "/api/v1/clusters": ["GET", "POST"],
  "/api/v1/clusters/[cluster]": ["GET", "PATCH", "DELETE"],
  "/api/v1/clusters/[cluster]/audit-token": ["POST"],
  "/api/v1/clusters/[cluster]/nodes": ["GET"],
  "/api/v1/connectivity": ["GET"],
  "/api/v1/dashboard": ["GET"],
  "/api/v1/identity-providers": ["GET", "POST"],
  "/api/v1/identity-providers/[name]": ["GET", "PUT", "DELETE"],
  "/api/v1/identity-providers/[name]/bindings": ["GET", "POST"],
  "/api/v1/identity-providers/[name]/bindings/[id]": ["PATCH", "DELETE"],
  "/api/v1/identity-providers/[name]/test": ["POST"],
  "/api/v1/me": ["GET"],
  "/api/v1/me/login-records": ["GET"],
  "/api/v1/me/password": ["POST"],
  "/api/v1/me/permissions": ["GET"],
  "/api/v1/me/sessions": ["GET", "DELETE"],
  "/api/v1/me/sessions/[id]": ["DELETE"],
  "/api/v1/me/tokens": ["GET", "POST"],
  "/api/v1/me/tokens/[id]": ["DELETE"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/openapi/workspace-spec.schema.json": ["GET"],
  "/api/v1/platform/roles": ["GET", "POST"],
  "/api/v1/platform/roles/[role]": ["GET", "PUT", "DELETE"],
  "/api/v1/search": ["GET"],
  "/api/v1/templates": ["GET"],
  "/api/v1/users": ["GET", "POST"],
  "/api/v1/users/[username]": ["GET", "PATCH", "DELETE"],
  "/api/v1/users/[username]/login-records": ["GET"],
  "/api/v1/users/[username]/sessions": ["GET", "DELETE"],
  "/api/v1/users/[username]/sessions/[id]": ["DELETE"],
  "/api/v1/users/[username]/unlock": ["POST"],
  "/api/v1/workspaces": ["GET", "POST"],
  "/api/v1/workspaces/[ws]": ["GET", "PATCH", "DELETE"],
  "/api/v1/workspaces/[ws]/access-review": ["GET"],
  "/api/v1/workspaces/[ws]/connectivity": ["GET"],
  "/api/v1/workspaces/[ws]/expiring-members": ["GET"],
  "/api/v1/workspaces/[ws]/invitees": ["GET"],
  "/api/v1/workspaces/[ws]/members": ["GET", "POST"],
  "/api/v1/workspaces/[ws]/members/[username]": ["GET", "PATCH", "DELETE"],
  "/api/v1/workspaces/[ws]/network": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/node-selector": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/projects": ["GET", "POST"],
  "/api/v1/workspaces/[ws]/projects/[project]": ["GET", "DELETE"],
  "/api/v1/workspaces/[ws]/projects/[project]/access-review": ["GET"],
  "/api/v1/workspaces/[ws]/projects/[project]/invitees": ["GET"],
  "/api/v1/workspaces/[ws]/projects/[project]/limits": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/projects/[project]/members": ["GET", "POST"],
  "/api/v1/workspaces/[ws]/projects/[project]/members/[username]": ["GET", "PATCH", "DELETE"],
  "/api/v1/workspaces/[ws]/projects/[project]/move": ["POST"],
  "/api/v1/workspaces/[ws]/projects/[project]/network": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/projects/[project]/objects": ["GET"],
  "/api/v1/workspaces/[ws]/projects/[project]/pod-security": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/projects/[project]/quota": ["GET", "PUT"],
  "/api/v1/workspaces/[ws]/projects/[project]/roles": ["GET", "POST"],
  "/api/v1/workspaces/[ws]/projects/[project]/roles/[role]": ["GET", "PUT", "DELETE"],
  "/api/v1/workspaces/[ws]/projects/[project]/workloads": ["GET"],
  "/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]": ["GET"],
  "/api/v1/workspaces/[ws]/projects/[project]/workloads/[kind]/[name]": ["GET"],
  "/api/v1/workspaces/[ws]/quotas": ["GET"],
  "/api/v1/workspaces/[ws]/quotas/[cluster]": ["GET", "PUT", "DELETE"],
  "/api/v1/workspaces/[ws]/roles": ["GET", "POST"],
  "/api/v1/workspaces/[ws]/roles/[role]": ["GET", "PUT", "DELETE"],
  "/api/v1/workspaces/[ws]/spec": ["GET", "PUT"],
};

type Compiled = { template: string; segments: (string | null)[]; methods: readonly string[] };
const compiled: Compiled[] = Object.entries(ROUTE_METHODS).map(([template, methods]) => ({
  template,
  segments: template.split("/").slice(1).map((s) => (s.startsWith("[") ? null : s)),
  methods,
}));

// Most specific first (a static segment before a dynamic one at the first place they differ), so the first fit wins.
const rank = (r: Compiled) => r.segments.map((s) => (s === null ? "1" : "0")).join("");
compiled.sort((a, b) => rank(a).localeCompare(rank(b)));

/** The route template `pathname` is served by, as Next chooses it: a static segment before a dynamic one. */
export function routeFor(pathname: string): Compiled | undefined {
  const parts = pathname.replace(/\/+$/, "").split("/").slice(1);
  return compiled.find((r) => r.segments.length === parts.length && r.segments.every((s, i) => (s === null ? parts[i] !== "" : s === parts[i])));
}

/** The Allow header of a route, as Next writes it for OPTIONS: its methods, HEAD with GET, and OPTIONS. */
export function allowHeader(methods: readonly string[]): string {
  return [...new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].sort().join(", ");
}

/** The Allow header of the route `pathname` is served by. */
export const allowFor = (pathname: string) => allowHeader(routeFor(pathname)?.methods ?? []);

/** A problem+json 405 naming what the route of `pathname` answers, with Allow. */
export function methodNotAllowed(method: string, pathname: string, headers: Headers): Response {
  const allow = allowFor(pathname);
  const res = problemResponse(new AppError(405, "method_not_allowed", `${method} is not allowed on ${pathname}; allowed: ${allow}.`), pathname, requestLocale(headers));
  res.headers.set("allow", allow);
  return res;
}
