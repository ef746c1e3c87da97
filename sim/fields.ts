// Strict field validation (`fieldValidation=Strict`, what kubectl sends by default): a body naming a field the
// kind does not declare is refused as the API server's strict decoder refuses it. Declared here for the kinds
// Tenantry writes, whose fields a client model could misname (client-node's `_default`, `_from`); other kinds pass.
import { badRequest } from "./errors";
import type { ResourceDef } from "./resources";

/** An object's declared fields; `true` is any value (a map of strings, a quantity, a free-form object). */
type Schema = { [field: string]: Schema | [Schema] | true };

const meta: Schema = {
  name: true, generateName: true, namespace: true, selfLink: true, uid: true, resourceVersion: true, generation: true,
  creationTimestamp: true, deletionTimestamp: true, deletionGracePeriodSeconds: true, labels: true, annotations: true,
  ownerReferences: true, finalizers: true, managedFields: true,
};
const labelSelector: Schema = { matchLabels: true, matchExpressions: [{ key: true, operator: true, values: true }] };
const peer: Schema = { podSelector: labelSelector, namespaceSelector: labelSelector, ipBlock: { cidr: true, except: true } };
const port: Schema = { protocol: true, port: true, endPort: true };
const top = (rest: Schema): Schema => ({ apiVersion: true, kind: true, metadata: meta, ...rest });

const SCHEMAS: Record<string, Schema> = {
  "/namespaces": top({ spec: { finalizers: true }, status: { phase: true, conditions: true } }),
  "/resourcequotas": top({ spec: { hard: true, scopes: true, scopeSelector: true }, status: { hard: true, used: true } }),
  "/limitranges": top({ spec: { limits: [{ type: true, max: true, min: true, default: true, defaultRequest: true, maxLimitRequestRatio: true }] } }),
  "networking.k8s.io/networkpolicies": top({
    spec: { podSelector: labelSelector, policyTypes: true, ingress: [{ from: [peer], ports: [port] }], egress: [{ to: [peer], ports: [port] }] },
  }),
  "rbac.authorization.k8s.io/rolebindings": top({ subjects: [{ kind: true, apiGroup: true, name: true, namespace: true }], roleRef: { kind: true, apiGroup: true, name: true } }),
};

/** The paths of fields `value` has that `schema` does not declare, as the API server prints them (`spec.limits[0]._default`). */
function unknown(value: unknown, schema: Schema | [Schema] | true, path: string): string[] {
  if (schema === true || value === null || typeof value !== "object") return [];
  if (Array.isArray(schema)) return Array.isArray(value) ? value.flatMap((v, i) => unknown(v, schema[0], `${path}[${i}]`)) : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    // Strategic-merge-patch directives ($patch, $setElementOrder/…, $retainKeys) are no fields.
    if (k.startsWith("$")) return [];
    const at = path ? `${path}.${k}` : k;
    return Object.hasOwn(schema, k) ? unknown(v, schema[k]!, at) : [at];
  });
}

/** Throws 400 `strict decoding error: unknown field "…"` when `body` has fields its kind does not declare. */
export function strictFields(d: ResourceDef, body: unknown): void {
  const schema = SCHEMAS[`${d.group}/${d.resource}`];
  if (!schema) return;
  const fields = unknown(body, schema, "");
  if (!fields.length) return;
  throw badRequest(`${d.kind} in version "${d.version}" cannot be handled as a ${d.kind}: strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(", ")}`);
}
