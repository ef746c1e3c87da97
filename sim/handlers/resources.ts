// REST handler for resource paths: request info → RBAC authorization → registry → JSON or Table.
import type { IncomingMessage, ServerResponse } from "node:http";
import YAML from "yaml";
import { ApiError, badRequest, forbidden, methodNotAllowed } from "../errors";
import { authorize, deniedMessage, type Attributes, type UserInfo } from "../rbac";
import type { Registry } from "../registry";
import { decodeProtobuf, PROTOBUF } from "../protobuf";
import { strictFields } from "../fields";
import { findResource } from "../resources";
import type { KObject } from "../store";
import { toTable } from "../table";
import { review } from "./authorization";
import { serveWatch } from "./watch";

export interface ResourcePath { group: string; version: string; namespace?: string; resource: string; name?: string; subresource?: string }

const NAMESPACE_SUBRESOURCES = ["status", "finalize"];

/** Splits `/api/v1/namespaces/ns/pods/x/status` (or `/apis/g/v/...`) into request info; undefined for non-resource paths. */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const segs = path.split("/").filter(Boolean).map(decodeURIComponent);
  let group: string, version: string, rest: string[];
  if (segs[0] === "api" && segs.length >= 3) [group, version, rest] = ["", segs[1], segs.slice(2)];
  else if (segs[0] === "apis" && segs.length >= 4) [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.includes(rest[2])) { namespace = rest[1]; rest = rest.slice(2); }
  if (rest.length > 3) return undefined;
  return { group, version, namespace, resource: rest[0], name: rest[1], subresource: rest[2] };
}

const notServed = () => new ApiError(404, "NotFound", "the server could not find the requested resource", {});

function verbOf(method: string, p: ResourcePath, watch: boolean): string {
  switch (method) {
    case "GET": return p.name ? (watch ? "watch" : "get") : watch ? "watch" : "list";
    case "POST": return "create";
    case "PUT": return "update";
    case "PATCH": return "patch";
    case "DELETE": return p.name ? "delete" : "deletecollection";
    default: throw methodNotAllowed();
  }
}

const ACCEPTED = "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf";

/** The request body as JSON text: protobuf (kubectl's typed clients) and YAML bodies decoded, as a real server does. */
export function bodyText(req: IncomingMessage, body: Buffer): string {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  // Patch bodies are typed by their patch strategy; registry.patch refuses the ones it does not know.
  if (req.method === "PATCH" || !body.length || type === "" || type === "application/json") return body.toString("utf8");
  if (type === PROTOBUF) return JSON.stringify(decodeProtobuf(body));
  if (type === "application/yaml") {
    try { return JSON.stringify(YAML.parse(body.toString("utf8"))); } catch (e) { throw badRequest(`the body of the request could not be decoded: ${(e as Error).message}`); }
  }
  throw new ApiError(415, "UnsupportedMediaType", ACCEPTED);
}

function parseBody(raw: string): KObject {
  if (!raw.trim()) throw badRequest("Object 'Kind' is missing in ''");
  try { return JSON.parse(raw); } catch (e) { throw badRequest(`the body of the request could not be decoded: ${(e as Error).message}`); }
}

export function handleResource(registry: Registry, user: UserInfo, req: IncomingMessage, res: ServerResponse, p: ResourcePath, url: URL, raw: string,
  send: (res: ServerResponse, code: number, body: unknown) => void): void {
  const d = findResource(p.group, p.version, p.resource);
  if (!d || (p.subresource && !d.subresources?.includes(p.subresource))) throw notServed();
  const q = url.searchParams;
  const watch = ["true", "1"].includes(q.get("watch") ?? "");
  const verb = verbOf(req.method ?? "GET", p, watch);
  if (p.subresource ? !["get", "update", "patch"].includes(verb) : !d.verbs.includes(verb)) throw methodNotAllowed();
  if (d.namespaced && !p.namespace && !["list", "watch"].includes(verb) && !d.review) throw notServed();
  if (d.readOnly && !["get", "list", "watch"].includes(verb)) throw methodNotAllowed();

  // For namespaces the namespace attribute is the namespace itself, as in the real RequestInfo.
  const namespace = d.resource === "namespaces" ? p.name : p.namespace;
  const attrs: Attributes = { user, verb, resourceRequest: true, apiGroup: d.group, resource: d.resource, subresource: p.subresource, namespace, name: p.name };
  if (!authorize(registry.rules, attrs).allowed) throw forbidden(d, p.name, deniedMessage(attrs));

  const dryRunParam = q.get("dryRun");
  if (dryRunParam && dryRunParam !== "All") throw badRequest(`Invalid dry run value: ${dryRunParam}`);
  const ctx = { user, dryRun: dryRunParam === "All" };
  const list = { labelSelector: q.get("labelSelector") ?? undefined, fieldSelector: q.get("fieldSelector") ?? undefined, limit: Number(q.get("limit") ?? 0) || undefined, continue: q.get("continue") ?? undefined };
  const asTable = /as=Table/.test(req.headers.accept ?? "");
  const reply = (code: number, body: unknown) => {
    if (asTable && req.method === "GET") {
      const b = body as KObject;
      const items = b.items ? (b.items as KObject[]) : [b];
      body = toTable(d, items, { resourceVersion: b.metadata?.resourceVersion, ...(b.metadata?.continue ? { continue: String(b.metadata.continue) } : {}) }, q.get("includeObject"));
    }
    send(res, code, body);
  };

  // kubectl's default (--validate=strict). Of patches, merge patches are checked: a JSON patch names operations.
  const fieldsInBody = verb === "create" || verb === "update" || (verb === "patch" && /merge-patch\+json/.test(req.headers["content-type"] ?? ""));
  if (q.get("fieldValidation") === "Strict" && fieldsInBody) strictFields(d, parseBody(raw));
  if (d.review) return reply(201, review(registry.rules, user, d, p.namespace, parseBody(raw)));
  switch (verb) {
    case "watch":
      return serveWatch(registry.store, d, p.namespace, p.name, { ...list, resourceVersion: q.get("resourceVersion") ?? undefined, timeoutSeconds: Number(q.get("timeoutSeconds") ?? 0), allowWatchBookmarks: q.get("allowWatchBookmarks") === "true" }, res);
    case "get": return reply(200, registry.get(d, p.namespace, p.name!));
    case "list": return reply(200, registry.list(d, p.namespace, list));
    case "create": return reply(201, registry.create(ctx, d, p.namespace, parseBody(raw)));
    case "update": {
      const existed = !!registry.store.get(d, p.namespace, p.name!);
      return reply(existed ? 200 : 201, registry.update(ctx, d, p.namespace, p.name!, parseBody(raw), p.subresource));
    }
    case "patch": {
      const existed = !!registry.store.get(d, p.namespace, p.name!);
      return reply(existed ? 200 : 201, registry.patch(ctx, d, p.namespace, p.name!, req.headers["content-type"] ?? "", raw, p.subresource));
    }
    case "delete": {
      const options = raw.trim() ? parseBody(raw) : {};
      const dryRunOption = (options as { dryRun?: string[] }).dryRun?.includes("All");
      return reply(200, registry.delete({ ...ctx, dryRun: ctx.dryRun || !!dryRunOption }, d, p.namespace, p.name!, options as never));
    }
    case "deletecollection": return reply(200, registry.deleteCollection(ctx, d, p.namespace, list));
  }
}
