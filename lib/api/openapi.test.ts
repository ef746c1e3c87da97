import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { apiRoutes } from "@/e2e/support/route-table";
import { workspaceCreate } from "../schemas/workspace";
import { PROBLEM_CODES } from "./errors";
import { jsonSchemaOf, openApiDocument, type Operation } from "./openapi";
import { ROUTE_MODULES } from "./route-modules";

const doc = await openApiDocument();
const pathOf = (template: string) => template.replace(/\[([^\]]+)\]/g, "{$1}");
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op: op as Operation })));

describe("the OpenAPI document", () => {
  it("loads every route file (lib/api/route-modules.ts lists each app/api/v1/**/route.ts)", () => {
    const files = apiRoutes().map((r) => r.template);
    expect(files.filter((t) => !ROUTE_MODULES[t]), "route files missing from lib/api/route-modules.ts").toEqual([]);
    expect(Object.keys(ROUTE_MODULES).filter((t) => !files.includes(t)), "entries of lib/api/route-modules.ts without a route file").toEqual([]);
  });

  it("has every route with exactly the methods its file exports, and nothing else", () => {
    const files = Object.fromEntries(apiRoutes().map((r) => [pathOf(r.template), r.methods.map((m) => m.toLowerCase()).sort()]));
    const documented = Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect(documented).toEqual(files);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  }, 60_000);

  it("describes each operation from its registered spec: id, path parameters, body, success and problem answers", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id), "operations whose handler registered no spec").toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      const label = `${method} ${path}`;
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name), label).toEqual(names);
      expect(Object.keys(op.responses).filter((s) => /^[23]\d\d$/.test(s)), label).toHaveLength(1);
      for (const s of ["401", "422", "default"]) expect(op.responses[s], `${label} ${s}`).toBeDefined();
      if (method !== "get" && method !== "delete" && !op.requestBody) expect(op.responses["400"], label).toBeUndefined();
    }
  });

  it("names the zod schemas' fields: query parameters, request bodies", () => {
    const list = doc.paths["/api/v1/workspaces"]!.get!;
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor", "q"]));
    expect(list.parameters.find((p) => p.name === "limit")!.schema).toMatchObject({ maximum: 500 });
    const create = doc.paths["/api/v1/workspaces"]!.post!;
    expect(create.requestBody!.content["application/json"]!.schema).toMatchObject({ type: "object", required: ["name"] });
    expect(create.responses["201"]).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Workspace" } } } });
  });

  it("gives the main resources precise answers (closed objects, lists with their page envelope)", () => {
    const precise: [string, string, string][] = [
      ["get", "/api/v1/workspaces", "200"],
      ["get", "/api/v1/workspaces/{ws}/projects", "200"],
      ["get", "/api/v1/workspaces/{ws}/members", "200"],
      ["get", "/api/v1/workspaces/{ws}/projects/{project}/members", "200"],
      ["get", "/api/v1/users", "200"],
      ["get", "/api/v1/clusters", "200"],
      ["get", "/api/v1/workspaces/{ws}/roles", "200"],
      ["get", "/api/v1/audit/events", "200"],
      ["get", "/api/v1/me/tokens", "200"],
      ["post", "/api/v1/me/tokens", "201"],
      ["delete", "/api/v1/workspaces/{ws}/projects/{project}", "202"],
    ];
    for (const [method, path, status] of precise) {
      const schema = (doc.paths[path]![method]!.responses[status] as { content: Record<string, { schema: Record<string, unknown> }> }).content["application/json"]!.schema;
      expect(schema.$ref ?? schema.additionalProperties, `${method} ${path}`).toBeDefined();
      expect(schema, `${method} ${path}`).not.toEqual({ type: "object" });
    }
    const vague = operations.flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([s, r]) => /^2/.test(s) && JSON.stringify((r as { content?: Record<string, { schema: unknown }> }).content?.["application/json"]?.schema) === '{"type":"object"}')
        .map(([s]) => `${method} ${path} ${s}`),
    );
    expect(vague, "JSON answers without a `response` schema in their route's spec").toEqual([]);
    expect(doc.components.schemas.Workspace).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["name", "clusters"]) });
    const page = (doc.paths["/api/v1/users"]!.get!.responses["200"] as { content: Record<string, { schema: Record<string, unknown> }> }).content["application/json"]!.schema;
    expect(page).toMatchObject({ properties: { items: { items: { $ref: "#/components/schemas/User" } }, nextCursor: {} }, required: ["items", "nextCursor"] });
  });

  it("publishes each problem code with its status, and every code the sources throw is one of them", () => {
    const thrown = new Set<string>();
    const files = execFileSync("git", ["ls-files", "lib/**/*.ts", "app/**/*.ts"], { encoding: "utf8" }).split("\n").filter((f) => f && !f.endsWith(".test.ts"));
    for (const file of files) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:AppError|Denial)\(\s*\d{3},\s*"([a-z_]+)"/g)) thrown.add(m[1]!);
      for (const m of src.matchAll(/conflict\((?:[^()]|\([^()]*\))*?,\s*"([a-z_]+)"\s*\)/g)) thrown.add(m[1]!);
    }
    expect(thrown.size).toBeGreaterThan(10);
    expect([...thrown].filter((c) => !PROBLEM_CODES[c]), "codes missing from PROBLEM_CODES in lib/api/errors.ts").toEqual([]);
    expect(doc.components.responses.Problem404).toMatchObject({
      content: { "application/problem+json": { schema: { allOf: [{ $ref: "#/components/schemas/Problem" }, { properties: { status: { const: 404 } } }] } } },
    });
    expect(doc.components.schemas.Problem).toMatchObject({ required: expect.arrayContaining(["type", "title", "status", "code", "detail"]) });
  });
});

describe("jsonSchemaOf", () => {
  it("is a standalone JSON Schema of what a zod schema accepts", () => {
    const schema = jsonSchemaOf(workspaceCreate);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ name: "team-a" })).toBe(true);
    expect(validate({ name: "Team A" })).toBe(false);
  });
});
