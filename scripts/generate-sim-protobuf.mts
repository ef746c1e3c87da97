// Generates sim/protobuf-schema.json, the field tables the simulator decodes Kubernetes protobuf
// request bodies with (kubectl's typed clients send them), from the Kubernetes sources:
//   tsx scripts/generate-sim-protobuf.mts <k8s.io/api checkout> <k8s.io/apimachinery checkout>
// generated.proto gives each message's field numbers and types; types.go gives each field's JSON
// name and whether it is a pointer (a pointer's zero value on the wire is kept, a value's is the
// Go zero value that encoding/json would omit).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESOURCES } from "../sim/resources";

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) throw new Error("usage: generate-sim-protobuf.mts <k8s.io/api dir> <k8s.io/apimachinery dir>");

// package directory → proto package prefix
const packages: Record<string, string> = {};
for (const d of ["core/v1", "apps/v1", "rbac/v1", "networking/v1", "authorization/v1", "authentication/v1", "admissionregistration/v1"]) packages[join(apiDir, d)] = `api.${d.replace("/", ".")}`;
packages[join(machineryDir, "pkg/apis/meta/v1")] = "apimachinery.pkg.apis.meta.v1";
packages[join(machineryDir, "pkg/runtime")] = "apimachinery.pkg.runtime";

/** [number, jsonName, type, flags]: type is a scalar or a message's full name; flags r=repeated, m=map (value type in type), p=pointer. */
type Field = [number, string, string, string];
const messages: Record<string, Field[]> = {};
const SCALARS = new Set(["string", "bytes", "bool", "int32", "int64", "double", "float", "uint32", "uint64"]);
// Messages with a JSON form of their own (RFC 3339 times, quantities, int-or-string, embedded JSON).
const SPECIAL = new Set(["apimachinery.pkg.apis.meta.v1.Time", "apimachinery.pkg.apis.meta.v1.MicroTime", "apimachinery.pkg.api.resource.Quantity",
  "apimachinery.pkg.util.intstr.IntOrString", "apimachinery.pkg.runtime.RawExtension", "apimachinery.pkg.apis.meta.v1.Duration", "apimachinery.pkg.apis.meta.v1.FieldsV1"]);

for (const [dir, pkg] of Object.entries(packages)) {
  const goFields = goStructs(readFileSync(join(dir, "types.go"), "utf8"));
  const proto = readFileSync(join(dir, "generated.proto"), "utf8").replace(/\/\/.*$/gm, "");
  for (const m of proto.matchAll(/^message (\w+) \{([\s\S]*?)^\}/gm)) {
    const name = `${pkg}.${m[1]}`;
    if (SPECIAL.has(name)) continue;
    const fields: Field[] = [];
    for (const f of m[2].matchAll(/^\s*(optional|repeated)?\s*(map<\s*string\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)/gm)) {
      const [, label, type, mapValue, protoName, num] = f;
      const go = goFields[m[1]]?.[Number(num)];
      const t = resolve(mapValue ?? type, pkg);
      fields.push([Number(num), go?.json ?? protoName, t, `${label === "repeated" ? "r" : ""}${mapValue ? "m" : ""}${go?.pointer ? "p" : ""}`]);
    }
    messages[name] = fields;
  }
}

function resolve(type: string, pkg: string) {
  if (SCALARS.has(type)) return type;
  if (type.startsWith(".k8s.io.")) return type.slice(".k8s.io.".length);
  return `${pkg}.${type}`;
}

/** Go struct name → protobuf field number → JSON name and pointer-ness. */
function goStructs(src: string) {
  const out: Record<string, Record<number, { json: string; pointer: boolean }>> = {};
  for (const s of src.matchAll(/^type (\w+) struct \{([\s\S]*?)^\}/gm)) {
    const fields: Record<number, { json: string; pointer: boolean }> = {};
    for (const f of s[2].matchAll(/^\s*\w+\s+(\*?)[\w.[\]*]+\s+`json:"([^",]*)[^"]*"[^`]*protobuf:"\w+,(\d+),/gm)) fields[Number(f[3])] = { json: f[2], pointer: f[1] === "*" };
    out[s[1]] = fields;
  }
  return out;
}

// Keep what the served kinds (and DeleteOptions, a delete's body) reach.
const PKG: Record<string, string> = { "": "api.core.v1", apps: "api.apps.v1", "rbac.authorization.k8s.io": "api.rbac.v1", "networking.k8s.io": "api.networking.v1",
  "authorization.k8s.io": "api.authorization.v1", "authentication.k8s.io": "api.authentication.v1", "admissionregistration.k8s.io": "api.admissionregistration.v1" };
const kinds: Record<string, string> = { "v1/DeleteOptions": "apimachinery.pkg.apis.meta.v1.DeleteOptions" };
for (const d of RESOURCES) kinds[`${d.group ? `${d.group}/` : ""}${d.version}/${d.kind}`] = `${PKG[d.group]}.${d.kind}`;
const keep: Record<string, Field[]> = {};
const visit = (name: string) => {
  if (keep[name] || SPECIAL.has(name) || SCALARS.has(name)) return;
  if (!messages[name]) throw new Error(`no message ${name}`);
  keep[name] = messages[name];
  for (const f of messages[name]) visit(f[2]);
};
Object.values(kinds).forEach(visit);
const sorted = Object.fromEntries(Object.entries(keep).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(new URL("../sim/protobuf-schema.json", import.meta.url), `${JSON.stringify({ kinds, messages: sorted })}\n`);
console.log(`${Object.keys(sorted).length} messages for ${Object.keys(kinds).length} kinds`);
