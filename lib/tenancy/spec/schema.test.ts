import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import YAML from "yaml";
import { workspaceSpecSchema } from "./schema";

const FILE = new URL("../../../docs/workspace-spec.schema.json", import.meta.url);
const generated = `${JSON.stringify(workspaceSpecSchema(), null, 2)}\n`;
// UPDATE_SPEC_SCHEMA=1 npx vitest run --project unit lib/tenancy/spec/schema.test.ts rewrites the file.
if (process.env.UPDATE_SPEC_SCHEMA) writeFileSync(FILE, generated);

describe("the workspace spec's JSON Schema", () => {
  it("is committed for editors as the API serves it (docs/workspace-spec.schema.json)", () => {
    expect(readFileSync(FILE, "utf8"), "regenerate it: UPDATE_SPEC_SCHEMA=1 npx vitest run --project unit lib/tenancy/spec/schema.test.ts").toBe(generated);
  });

  it("accepts a document and tells an editor what is wrong with another", () => {
    const validate = new Ajv2020({ strict: false }).compile(workspaceSpecSchema());
    const doc = YAML.parse(`
apiVersion: tenantry.io/v1alpha1
kind: Workspace
metadata: { name: acme }
spec:
  clusters: [host]
  members: [{ username: alice, role: admin, expiresAt: "2099-01-01T00:00:00Z" }]
  quotas: [{ cluster: host, hard: { requests.cpu: "4", pods: 20 } }]
  projects:
    - { name: web, cluster: host, podSecurity: baseline, network: { isolated: true, allow: [{ cidr: 10.0.0.0/8 }] } }
`);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, spec: { ...doc.spec, members: [{ username: "Alice!", role: "admin" }] } })).toBe(false);
    expect(validate({ ...doc, spec: { ...doc.spec, colour: "blue" } })).toBe(false);
  });
});
