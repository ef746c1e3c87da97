// Minimal OpenAPI v3 documents: enough for kubectl to see that every resource accepts the
// `fieldValidation` query parameter, so it validates server-side instead of downloading schemas.
import { createHash } from "node:crypto";
import { apiVersionOf, RESOURCES, type ResourceDef } from "./resources";

const gvPath = (d: ResourceDef) => (d.group ? `apis/${d.group}/${d.version}` : `api/${d.version}`);
const hash = (gv: string) => createHash("sha256").update(gv).digest("hex").slice(0, 32).toUpperCase();

export function openapiIndex() {
  const gvs = [...new Set(RESOURCES.map(gvPath))];
  return { paths: Object.fromEntries(gvs.map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash(gv)}` }])) };
}

/** The document for `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`; undefined when not served. */
export function openapiDocument(gv: string) {
  const defs = RESOURCES.filter((d) => gvPath(d) === gv && !d.review);
  if (defs.length === 0) return undefined;
  const query = (name: string) => ({ name, in: "query", schema: { type: "string", uniqueItems: true } });
  const paths = Object.fromEntries(defs.map((d) => {
    const path = `/${gv}/${d.namespaced ? "namespaces/{namespace}/" : ""}${d.resource}/{name}`;
    const gvk = { group: d.group, version: d.version, kind: d.kind };
    const op = (verb: string) => ({ operationId: `${verb}${d.kind}`, "x-kubernetes-action": verb, "x-kubernetes-group-version-kind": gvk, parameters: [query("dryRun"), query("fieldManager"), query("fieldValidation")], responses: { "200": { description: "OK" } } });
    return [path, { get: op("get"), put: op("put"), patch: op("patch"), delete: op("delete") }];
  }));
  return { openapi: "3.0.0", info: { title: "Kubernetes", version: "v1.31.0" }, paths, components: { schemas: {} }, "x-api-version": apiVersionOf(defs[0]) };
}
