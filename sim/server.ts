// HTTP request handling: the /_sim control endpoint, fault injection, authentication,
// impersonation, non-resource paths (discovery, health) and resource requests.
import type { IncomingMessage, ServerResponse } from "node:http";
import { impersonate, type Users } from "./auth";
import { apiGroup, apiGroupList, apiVersions, KUBE_VERSION, resourceList } from "./discovery";
import { ApiError, forbidden, internalError, unauthorized } from "./errors";
import { parseFaults, type FaultInjector } from "./faults";
import { bodyText, handleResource, parseResourcePath } from "./handlers/resources";
import { authorize, deniedMessage, SUPERUSER_GROUP } from "./rbac";
import type { Registry } from "./registry";
import { openapiDocument, openapiIndex } from "./openapi";
import { groups } from "./resources";

export interface ServerDeps { registry: Registry; users: Users; faults: FaultInjector; serverAddress: () => string; stats: Record<string, number> }

/** Reachable without a token, like the system:public-info-viewer paths of a real cluster. */
const PUBLIC = ["/healthz", "/livez", "/readyz", "/version"];
const MAX_BODY = 8 * 1024 * 1024;

export function send(res: ServerResponse, code: number, body: unknown) {
  if (res.headersSent || res.destroyed) return;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(code, { "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json", "Cache-Control": "no-cache, private" });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new ApiError(413, "RequestEntityTooLarge", "request entity too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function createHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    try {
      if (url.pathname.startsWith("/_sim/")) return await control(deps, req, res, url);
      if (await deps.faults.intercept(req, res, send)) return;
      // Watch streams apart from one-off requests, as apiserver_request_total's verb WATCH is.
      const verb = ["true", "1"].includes(url.searchParams.get("watch") ?? "") ? "WATCH" : (req.method ?? "GET");
      deps.stats[verb] = (deps.stats[verb] ?? 0) + 1;
      const raw = await readBody(req);
      let user = deps.users.authenticate(req.headers.authorization);
      const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
      if (!user) {
        if (!PUBLIC.includes(path)) throw unauthorized();
        return nonResource(deps, path, res);
      }
      user = impersonate(deps.registry.rules, user, req.headers);
      const p = parseResourcePath(path);
      if (p) return handleResource(deps.registry, user, req, res, p, url, bodyText(req, raw), send);
      const attrs = { user, verb: (req.method ?? "GET").toLowerCase(), resourceRequest: false, path };
      if (!authorize(deps.registry.rules, attrs).allowed) throw new ApiError(403, "Forbidden", `forbidden: ${deniedMessage(attrs)}`, {});
      return nonResource(deps, path, res);
    } catch (e) {
      const err = e instanceof ApiError ? e : internalError((e as Error).message ?? String(e));
      send(res, err.code, err.toStatus());
    }
  };
}

function nonResource(deps: ServerDeps, path: string, res: ServerResponse) {
  if (["/healthz", "/livez", "/readyz"].includes(path)) return send(res, 200, "ok");
  if (path === "/version") return send(res, 200, KUBE_VERSION);
  if (path === "/api") return send(res, 200, apiVersions(deps.serverAddress()));
  if (path === "/apis") return send(res, 200, apiGroupList());
  const segs = path.split("/").filter(Boolean);
  if (segs[0] === "apis" && segs.length === 2 && groups().includes(segs[1]) && segs[1] !== "") return send(res, 200, apiGroup(segs[1]));
  const list = segs[0] === "api" && segs.length === 2 ? resourceList("", segs[1]) : segs[0] === "apis" && segs.length === 3 ? resourceList(segs[1], segs[2]) : undefined;
  if (list) return send(res, 200, list);
  if (path === "/openapi/v3") return send(res, 200, openapiIndex());
  const doc = path.startsWith("/openapi/v3/") ? openapiDocument(path.slice("/openapi/v3/".length)) : undefined;
  if (doc) return send(res, 200, doc);
  throw new ApiError(404, "NotFound", "the server could not find the requested resource", {});
}

/** Run-time fault switching for the CLI: `PUT|GET|DELETE /_sim/faults`, admin (system:masters) only. */
async function control(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const user = deps.users.authenticate(req.headers.authorization);
  if (!user) throw unauthorized();
  if (!user.groups.includes(SUPERUSER_GROUP)) throw forbidden({ group: "", resource: "_sim" }, undefined, `User "${user.username}" cannot control the simulator`);
  if (url.pathname !== "/_sim/faults") throw new ApiError(404, "NotFound", "the server could not find the requested resource", {});
  if (req.method === "PUT") {
    const raw = (await readBody(req)).toString("utf8");
    let body: unknown;
    try { body = JSON.parse(raw || "{}"); } catch { body = undefined; }
    deps.faults.set(parseFaults(body));
  } else if (req.method === "DELETE") deps.faults.clear();
  else if (req.method !== "GET") throw new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  send(res, 200, deps.faults.current);
}
