// PATCH bodies: JSON merge patch (RFC 7386), a strategic-merge approximation, and JSON patch (RFC 6902).
import { ApiError, badRequest } from "./errors";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/**
 * Strategic merge patch without the OpenAPI merge keys: `$` directives are dropped and lists
 * whose items all carry a `name` (containers, env, volumes, ports) merge by name; other lists replace.
 */
export function strategicMergePatch(target: Json, patch: Json): Json {
  if (Array.isArray(patch) && Array.isArray(target) && byName(patch) && byName(target)) {
    const items = patch as JsonObject[];
    const deleted = new Set(items.filter((p) => p.$patch === "delete").map((p) => p.name));
    const out = target.filter((t) => !deleted.has((t as JsonObject).name)).map((t) => {
      const p = items.find((x) => x.name === (t as JsonObject).name);
      return p ? strategicMergePatch(t, p) : t;
    });
    for (const p of items) if (!deleted.has(p.name) && !out.some((t) => (t as JsonObject).name === p.name)) out.push(stripDirectives(p));
    return out;
  }
  if (!isObject(patch)) return stripDirectives(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$")) continue;
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k] ?? null, v);
  }
  return out;
}

const byName = (list: Json[]) => list.length > 0 && list.every((i) => isObject(i) && typeof i.name === "string");
function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith("$")).map(([k, x]) => [k, stripDirectives(x)]));
}

interface Operation { op: string; path: string; from?: string; value?: Json }

const unprocessable = (msg: string) => new ApiError(422, "Invalid", msg);

function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw unprocessable(`invalid JSON pointer: ${path}`);
  return path.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function locate(doc: Json, tokens: string[]): { parent: Json; key: string } {
  let parent = doc;
  for (const t of tokens.slice(0, -1)) {
    const next = Array.isArray(parent) ? parent[Number(t)] : isObject(parent) ? parent[t] : undefined;
    if (next === undefined) throw unprocessable(`doc is missing path: "/${tokens.join("/")}": missing value`);
    parent = next;
  }
  return { parent, key: tokens[tokens.length - 1] };
}

function read(doc: Json, path: string): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return doc;
  const { parent, key } = locate(doc, tokens);
  const v = Array.isArray(parent) ? parent[Number(key)] : isObject(parent) ? parent[key] : undefined;
  if (v === undefined) throw unprocessable(`doc is missing path: "${path}": missing value`);
  return v;
}

function write(doc: Json, path: string, value: Json, mode: "add" | "replace" | "remove"): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return mode === "remove" ? null : value;
  const { parent, key } = locate(doc, tokens);
  if (Array.isArray(parent)) {
    const i = key === "-" ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (mode !== "add" && i >= parent.length)) throw unprocessable(`invalid array index: ${key}`);
    if (mode === "add") parent.splice(i, 0, value);
    else if (mode === "replace") parent[i] = value;
    else parent.splice(i, 1);
  } else if (isObject(parent)) {
    if (mode !== "add" && !(key in parent)) throw unprocessable(`doc is missing key: ${path}: missing value`);
    if (mode === "remove") delete parent[key];
    else parent[key] = value;
  } else throw unprocessable(`doc is missing path: "${path}": missing value`);
  return doc;
}

export function jsonPatch(target: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let doc = structuredClone(target);
  for (const o of ops as Operation[]) {
    switch (o.op) {
      case "add": doc = write(doc, o.path, o.value ?? null, "add"); break;
      case "replace": doc = write(doc, o.path, o.value ?? null, "replace"); break;
      case "remove": doc = write(doc, o.path, null, "remove"); break;
      case "move": { const v = read(doc, o.from!); doc = write(doc, o.from!, null, "remove"); doc = write(doc, o.path, v, "add"); break; }
      case "copy": doc = write(doc, o.path, structuredClone(read(doc, o.from!)), "add"); break;
      case "test":
        if (JSON.stringify(read(doc, o.path)) !== JSON.stringify(o.value)) throw unprocessable(`testing value ${o.path} failed: test failed`);
        break;
      default: throw unprocessable(`Unexpected kind: ${o.op}`);
    }
  }
  return doc;
}
