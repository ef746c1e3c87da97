// route(): the one wrapper every /api/v1 handler goes through:
// session (cookie or bearer token) → Origin check → zod validation → authorize() → handler → audit record → JSON or problem+json.
import { randomUUID } from "node:crypto";
import type { User } from "@prisma/client";
import { Prisma } from "@prisma/client";
import { z, type ZodType } from "zod";
import { callerFor, principalFor } from "../auth/session";
import { authorize, visibleScope, type Decision, type Principal, type Scope } from "../rbac/authorize";
import type { Permission } from "../rbac/catalogue";
import { record, type AuditInput } from "../audit/record";
import { db } from "../db/client";
import { withAuditContext, type AuditContext } from "../audit/context";
import { AppError, badRequest, conflict, notFound, problemResponse, unauthenticated, invalid, type FieldIssue } from "./errors";
import { clientInfo } from "./client-info";
import { isPublicOrigin } from "./public-origin";
import { badString, badStrings, readText } from "./body";
import { requestLocale, type Locale } from "../i18n";
import { zodParseParams } from "../i18n/server-messages";
import { log } from "../observe/log";
import { metrics } from "../observe/metrics";
import { observeRequest } from "../observe/request";

/** What the audit event says about the target; handlers fill in what they learn (cluster, ids). */
export interface AuditTarget {
  resource?: string;
  name?: string;
  cluster?: string;
  workspace?: string;
  project?: string;
  namespace?: string;
}

export interface Ctx<P, Q, B> {
  req: Request;
  user: User;
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  /** The caller's language, for server text a handler returns outside a problem (problems are re-worded here). */
  locale: Locale;
  target: AuditTarget;
  /** Authorize a further action inside the handler (e.g. a second scope); throws 403/404. */
  require(action: Permission, scope?: Scope): Promise<void>;
}

export interface RouteSpec<P, Q, B> {
  /** Console action name in the audit log, e.g. "workspace.create". */
  action: string;
  /** The permission needed; "authenticated" lets any signed-in user in (the handler narrows what it returns). */
  permission: Permission | "authenticated";
  scope?: (params: P, query: Q) => Scope;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  resource?: string;
  /** What the request is about, for the audit log; known before authorization so denials name it too. */
  target?: (params: P, body: B) => AuditTarget;
  /** Success status; 204 sends no body. */
  status?: number;
  /** The success answer's JSON, for the published OpenAPI document (lib/api/openapi.ts); tests validate real answers against it. */
  response?: ZodType;
  /** Media types of a success answer that is no JSON (an export), for the same document. */
  responseTypes?: string[];
  /** Open to a user who must change their password first (only `GET /me` and the change itself). */
  duringPasswordChange?: boolean;
}

type NextCtx = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/*
 * A GET a page's server render sends a route ahead of the browser (lib/web/prefetch.tsx), with the browser's own
 * cookie: the same route(), the same authorize(). Only its refusal is not recorded: the browser, given no answer,
 * asks again and that request is. Marked by a symbol property, which no client can send.
 */
const AHEAD = Symbol.for("tenantry.asked-ahead");
export function requestAhead(url: URL, headers: Headers): Request {
  return Object.defineProperty(new Request(url, { headers }), AHEAD, { value: true });
}
const askedAhead = (req: Request) => (req as unknown as Record<symbol, unknown>)[AHEAD] === true;
const VERBS: Record<string, string> = { GET: "get", POST: "create", PUT: "update", PATCH: "patch", DELETE: "delete" };

export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: Ctx<P, Q, B>) => Promise<unknown>,
) {
  return registered(spec, async (req: Request, next: NextCtx): Promise<Response> => {
    const receivedAt = new Date();
    const startedAt = performance.now();
    // Answered in X-Request-Id and Audit-Id (as kube-apiserver names its own), logged, and the audit event's id.
    const requestId = randomUUID();
    const url = new URL(req.url);
    // Messages in the caller's language (English for scripts); the audit log keeps English.
    const locale = requestLocale(req.headers);
    const rawParams = (await next?.params) ?? {};
    const target: AuditTarget = { resource: spec.resource, ...scopeHint(rawParams) };
    let user: User | null = null;
    let status = 500;
    let reason: string | null = null;
    let denied = false;
    let response: Response;
    const auditBase = () => ({
      action: spec.action,
      verb: VERBS[req.method] ?? req.method.toLowerCase(),
      username: user?.username ?? null,
      receivedAt,
      ...target,
      ...clientInfo(req.headers),
    });
    // Services that change the database append the success event in their own transaction (audited()).
    const audit: AuditContext = { event: () => ({ ...auditBase(), auditId: requestId, outcome: "success", statusCode: spec.status ?? 200 }), recorded: false };
    try {
      // The scope is known from the path before the caller is, so the caller and their bindings in it are one
      // lookup. Query and body are read before authorization only where the scope or the audit target needs
      // them; their errors are reported after it, so a caller without rights learns nothing from them.
      const parsedParams = validate(spec.params, rawParams, "path", locale);
      const parsedQuery = validate(spec.query, Object.fromEntries(url.searchParams), "query", locale);
      const scope = (parsedParams.ok && spec.scope?.(parsedParams.value, parsedQuery.ok ? parsedQuery.value : ({} as Q))) || {};
      const caller = await callerFor(req, scope);
      if (!caller) throw unauthenticated();
      user = caller.user;
      if (user.mustChangePassword && !spec.duringPasswordChange)
        throw new AppError(403, "password_change_required", "Change your password before doing anything else.");
      checkOrigin(req);
      if (!parsedParams.ok) throw parsedParams.error;
      const params = parsedParams.value;
      const parsedBody = spec.body ? await readBody(req, spec.body, locale) : { ok: true as const, value: undefined as B };
      Object.assign(target, scopeTarget(scope), parsedBody.ok ? spec.target?.(params, parsedBody.value) : undefined);
      const { principal } = caller;
      const require = async (action: Permission, s: Scope = scope) => {
        const p = s === scope ? principal : await principalFor(user!, s);
        enforce(authorize(p, action, s), action);
      };
      if (spec.permission !== "authenticated") enforce(authorize(principal, spec.permission, scope), spec.permission);
      if (!parsedQuery.ok) throw parsedQuery.error;
      if (!parsedBody.ok) throw parsedBody.error;
      const query = parsedQuery.value;
      const body = parsedBody.value;
      const result = await withAuditContext(audit, () => handler({ req, user: user!, principal, params, query, body, locale, target, require }));
      status = spec.status ?? 200;
      response = result instanceof Response ? result : status === 204 ? new Response(null, { status }) : Response.json(result, { status });
      status = response.status;
    } catch (err) {
      const appErr = toAppError(err);
      status = appErr.status;
      // Every 403 is a denial, also one a service decides (escalation, acting on someone not covered).
      denied = appErr instanceof Denial || status === 401 || status === 403;
      reason = appErr instanceof Denial ? appErr.why : appErr.message;
      response = problemResponse(appErr, url.pathname, locale);
    }
    const recordedWithChange = status < 400 && audit.recorded;
    let auditId = audit.recorded ? requestId : null;
    if ((MUTATING.has(req.method) || status >= 400) && !recordedWithChange && !askedAhead(req)) {
      // The request's id names its event, unless a service already recorded one under it and then failed.
      const id = audit.recorded ? randomUUID() : requestId;
      const event: AuditInput = { ...auditBase(), auditId: id, outcome: status < 400 ? "success" : denied ? "denied" : "failure", statusCode: status, reason };
      // What was refused names only what the caller typed: it joins a tenant's log only where the caller could see that tenant.
      await (async () => record(status < 400 ? event : { ...event, ...(await seenScope(user, target, req.method, url.pathname)) }))().then(
        () => (auditId = id),
        (e) => log().error({ requestId, err: e }, "audit record failed"),
      );
    }
    observeRequest({ requestId, method: req.method, pathname: url.pathname, status, startedAt, user: user?.username, auditId });
    return withHeaders(response, { "x-request-id": requestId, ...(auditId ? { "audit-id": auditId } : {}) });
  });
}

/**
 * The answer with `headers` added, and no-store unless a handler said otherwise: every answer is the caller's own
 * (tokens shown once, kubeconfigs, audit events, whatever a role may see), for no shared or browser cache.
 */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const all = response.headers.has("cache-control") ? headers : { ...headers, "cache-control": "no-store" };
  try {
    for (const [k, v] of Object.entries(all)) response.headers.set(k, v);
    return response;
  } catch {
    // Immutable headers (a fetched Response passed through): the same answer, with its own copy of them.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(all)) copy.headers.set(k, v);
    return copy;
  }
}

/**
 * Each handler's spec, so tests can derive requests from the route table's own schemas (fuzzing) and the OpenAPI
 * document is built from them. A handler that authenticates its own way (the audit webhook) registers with
 * documented(), naming its security scheme instead of a permission.
 */
export type DocumentedSpec = Omit<RouteSpec<unknown, unknown, unknown>, "permission"> & { permission?: RouteSpec<unknown, unknown, unknown>["permission"]; security?: string };
const specs = new WeakMap<object, DocumentedSpec>();
export const routeSpec = (handler: object) => specs.get(handler);
export const documented = <H extends object>(spec: DocumentedSpec, handler: H): H => registered(spec, handler);
function registered<H extends object>(spec: object, handler: H): H {
  specs.set(handler, spec as DocumentedSpec);
  return handler;
}

/** An authorization denial; `why` goes to the audit log even when the caller only sees 404. */
class Denial extends AppError {
  constructor(status: number, code: string, message: string, readonly why: string, extra: Record<string, unknown> = {}) {
    super(status, code, message, [], extra);
  }
}

/** A denial is 403 where the caller may see the scope, else 404 so nothing leaks. */
function enforce(decision: Decision, action: Permission) {
  metrics().authorization.inc({ outcome: decision.allowed ? "allowed" : decision.visible ? "forbidden" : "hidden" });
  if (decision.allowed) return;
  if (!decision.visible) throw new Denial(404, "not_found", "Not found.", decision.reason);
  throw new Denial(403, "forbidden", decision.reason, decision.reason, { action });
}

function scopeHint(raw: Record<string, string | string[]>): AuditTarget {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return { workspace: one(raw.ws), project: one(raw.project), cluster: one(raw.cluster) };
}

/**
 * The workspace and project a refused or failed request is recorded under (#13 item 10): those of the target
 * that exist and that the caller may know exist (visibleScope()), so no one writes into the log of a tenant
 * they cannot see, nor names a project there that is not one. Whatever is left out (the caller's own text)
 * is kept in `request` of an event at a scope they could see, or at platform scope, where platform auditors read it.
 */
async function seenScope(user: User | null, target: AuditTarget, method: string, path: string): Promise<Pick<AuditInput, "workspace" | "project" | "request">> {
  const asked = { workspace: target.workspace ?? null, project: target.project ?? null };
  const seen: { workspace: string | null; project: string | null } = { workspace: null, project: null };
  // A name PostgreSQL cannot hold (NUL, lone surrogates) names nothing that exists.
  if (user && asked.workspace && !badString(asked.workspace) && !(asked.project && badString(asked.project))) {
    const scope = { workspace: asked.workspace, project: asked.project ?? undefined };
    const visible = visibleScope(await principalFor(user, scope), scope);
    const ws = visible.workspace ? await db().workspace.findUnique({ where: { name: visible.workspace }, select: { id: true, name: true } }) : null;
    if (ws) {
      seen.workspace = ws.name;
      const project = visible.project
        ? await db().project.findUnique({ where: { workspaceId_name: { workspaceId: ws.id, name: visible.project } }, select: { name: true } })
        : null;
      seen.project = project?.name ?? null;
    }
  }
  if (seen.workspace === asked.workspace && seen.project === asked.project) return seen;
  return { ...seen, request: { method, path, ...(asked.workspace ? { workspace: asked.workspace } : {}), ...(asked.project ? { project: asked.project } : {}) } };
}

function scopeTarget(scope: Scope): AuditTarget {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v)) as AuditTarget;
}

/** A browser's mutation must come from the console's own pages: its Origin is the public origin (lib/api/public-origin.ts). */
function checkOrigin(req: Request) {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin) return; // non-browser clients send none; browsers always do on these methods
  if (!isPublicOrigin(origin, req.headers)) throw new Denial(403, "cross_origin", "Cross-origin request refused.", "cross-origin request refused");
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: AppError };

async function readBody<B>(req: Request, schema: ZodType<B>, locale: Locale): Promise<Parsed<B>> {
  let text: string;
  try {
    text = await readText(req);
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
  let json: unknown = {};
  try {
    if (text.trim()) json = JSON.parse(text);
  } catch {
    return { ok: false, error: badRequest("The request body is not valid JSON.") };
  }
  return validate(schema, json, "body", locale);
}

function validate<T>(schema: ZodType<T> | undefined, value: unknown, where: string, locale: Locale): Parsed<T> {
  try {
    return { ok: true, value: parse(schema, value, where, locale) as T };
  } catch (err) {
    return { ok: false, error: err as AppError };
  }
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string, locale: Locale): T | unknown {
  // Before the schema: NUL and lone surrogates anywhere (PostgreSQL text cannot hold them), even in fields it ignores.
  const unstorable = badStrings(value, where);
  if (unstorable.length) throw invalid(unstorable);
  if (!schema) return value;
  const result = schema.safeParse(value, zodParseParams(locale));
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((i): FieldIssue => ({ path: i.path.length ? i.path.join(".") : where, message: i.message })));
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") return conflict("That name is already taken.", "already_exists");
    if (err.code === "P2025") return notFound("The resource");
  }
  if (err instanceof z.ZodError) return invalid(err.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  log().error({ err }, "unexpected error in a route");
  return new AppError(500, "internal", "Something went wrong on our side; it has been logged.");
}
