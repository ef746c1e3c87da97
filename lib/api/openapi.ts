// The published OpenAPI 3.1 document of /api/v1 (GET /api/v1/openapi.json, the console's API reference page), built
// from what each route registered with route() (lib/api/route.ts): its path, query and body zod schemas, success
// status, `response` schema and permission. Nothing is written twice, so the document cannot drift from the routes.
import { z, type ZodType } from "zod";
import { routeSpec, type DocumentedSpec } from "./route";
import { ROUTE_MODULES } from "./route-modules";
import { ROUTE_METHODS } from "./methods";
import { PROBLEM_CODES } from "./errors";
import { problemOut } from "../schemas/responses";

export type JsonSchema = Record<string, unknown>;
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  security: Record<string, string[]>[];
}
export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface Operation {
  operationId?: string;
  summary?: string;
  description: string;
  tags: string[];
  parameters: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
  /** The permission route() checks, or "authenticated": any signed-in user (absent where `security` says who). */
  "x-permission"?: string;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const PROBLEM = "application/problem+json";

/**
 * A zod schema as a standalone JSON Schema (draft 2020-12, OpenAPI 3.1's dialect): what a request accepts
 * (`input`) or an answer holds (`output`). Parts named with `.meta({ id })` are in `$defs`. A route publishing a
 * schema document answers it as openapi.json does: `route({ … }, async () => jsonSchemaOf(schema))`.
 */
export function jsonSchemaOf(schema: ZodType, io: "input" | "output" = "input"): JsonSchema {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // `format: date-time` says it; zod's equivalent pattern only makes the document unreadable.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
    },
  }) as JsonSchema;
}

/** jsonSchemaOf() for a place inside the document: its `$defs` move to components.schemas and are referred to there. */
function componentSchema(schema: ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...rest } = jsonSchemaOf(schema, io);
  const moved = (s: unknown) => JSON.parse(JSON.stringify(s).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[id] = moved(def);
  return moved(rest);
}

let built: Promise<OpenApiDocument> | undefined;
/** The document (built once per process: the routes do not change while it runs). */
export function openApiDocument(): Promise<OpenApiDocument> {
  built ??= build();
  return built;
}

async function build(): Promise<OpenApiDocument> {
  const schemas: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = {};
  for (const [template, load] of Object.entries(ROUTE_MODULES).sort(([a], [b]) => a.localeCompare(b))) {
    const mod = await load();
    const path = template.replace(/\[([^\]]+)\]/g, "{$1}");
    // The methods the route answers itself (lib/api/methods.ts); the module's other handlers are its 405s.
    for (const method of METHODS) {
      if (!ROUTE_METHODS[template]?.includes(method)) continue;
      (paths[path] ??= {})[method.toLowerCase()] = operation(template, method, routeSpec(mod[method] as object), schemas);
    }
  }
  componentSchema(problemOut, "output", schemas); // named "Problem", so it lands in components.schemas
  const tags = [...new Set(Object.values(paths).flatMap((p) => Object.values(p).flatMap((o) => o.tags)))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: "Tenantry API",
      version: "v1",
      description:
        "The console's own API. Authenticate with a personal access token (`Authorization: Bearer tnt_…`, made on the profile page) " +
        "or the console's session cookie. Errors are `application/problem+json` (RFC 9457) with a stable `code`. Every answer " +
        "carries `X-Request-Id`; one that recorded an audit event also `Audit-Id`. A workspace as code (`GET`/`PUT " +
        "/api/v1/workspaces/{ws}/spec`, YAML or JSON) is described by the JSON Schema at /api/v1/openapi/workspace-spec.schema.json.",
    },
    tags: tags.map((name) => ({ name })),
    paths,
    components: { schemas, responses: problemResponses(), securitySchemes: SECURITY_SCHEMES },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
  };
}

const SECURITY_SCHEMES = {
  bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (`tnt_…`), acting as its owner." },
  sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The console's session (`__Secure-` prefixed over HTTPS)." },
  auditWebhookToken: { type: "http", scheme: "bearer", description: "A cluster's audit webhook token (POST /api/v1/clusters/{cluster}/audit-token)." },
};

function operation(template: string, method: string, spec: DocumentedSpec | undefined, schemas: Record<string, JsonSchema>): Operation {
  const status = spec?.status ?? 200;
  const parameters = [...pathParameters(template, spec?.params, schemas), ...queryParameters(spec?.query, schemas)];
  const success =
    status === 204
      ? { description: "Done; no content." }
      : {
          description: "Success.",
          content: spec?.responseTypes
            ? Object.fromEntries(spec.responseTypes.map((t) => [t, { schema: { type: "string" } }]))
            : { "application/json": { schema: spec?.response ? componentSchema(spec.response, "output", schemas) : { type: "object" } } },
        };
  const problems = [
    ...(spec?.body ? [400] : []),
    401,
    ...(spec?.security ? [] : [403, 404]),
    ...(MUTATING.has(method) && !spec?.security ? [409] : []),
    ...(spec?.body ? [413] : []),
    422,
  ];
  return {
    ...(spec ? { operationId: spec.action, summary: spec.action } : {}),
    description: who(spec),
    tags: [spec?.resource ?? template.split("/")[3]!],
    parameters,
    ...(spec?.body ? { requestBody: { required: true as const, content: { "application/json": { schema: componentSchema(spec.body, "input", schemas) } } } } : {}),
    responses: {
      [String(status)]: success,
      ...Object.fromEntries(problems.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }])),
      default: { $ref: "#/components/responses/Problem" },
    },
    ...(spec?.security ? { security: [{ [spec.security]: [] }] } : spec?.permission ? { "x-permission": spec.permission } : {}),
  };
}

/** Who may call it, as the route's permission says. */
function who(spec: DocumentedSpec | undefined): string {
  if (!spec) return "";
  if (spec.security) return `Authenticated by \`${spec.security}\`, not a user.`;
  if (spec.permission === "authenticated") return "Any signed-in user; the answer holds what the caller may see.";
  return `Needs the \`${spec.permission}\` permission at the route's scope (404 when the caller cannot see that scope).`;
}

/** Each `{name}` of the path, described by the route's `params` schema where it has one. */
function pathParameters(template: string, params: ZodType | undefined, schemas: Record<string, JsonSchema>): Parameter[] {
  const props = params ? objectProperties(componentSchema(params, "input", schemas)).properties : {};
  return [...template.matchAll(/\[([^\]]+)\]/g)].map(([, name]) => ({ name: name!, in: "path" as const, required: true, schema: props[name!] ?? { type: "string" } }));
}

function queryParameters(query: ZodType | undefined, schemas: Record<string, JsonSchema>): Parameter[] {
  if (!query) return [];
  const { properties, required } = objectProperties(componentSchema(query, "input", schemas));
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query" as const,
    required: required.includes(name),
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema,
  }));
}

function objectProperties(s: JsonSchema): { properties: Record<string, JsonSchema>; required: string[] } {
  return { properties: (s.properties ?? {}) as Record<string, JsonSchema>, required: (s.required ?? []) as string[] };
}

/** One problem response per status the routes answer, each with the codes it can carry; `Problem` for any other. */
function problemResponses(): Record<string, unknown> {
  const byStatus = new Map<number, string[]>();
  for (const [code, { status }] of Object.entries(PROBLEM_CODES)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  const describe = (codes: string[]) => codes.map((c) => `\`${c}\`: ${PROBLEM_CODES[c]!.description}`).join("\n");
  const response = (description: string, schema: JsonSchema) => ({ description, content: { [PROBLEM]: { schema } } });
  const out: Record<string, unknown> = { Problem: response(`Any other problem.\n\n${describe(Object.keys(PROBLEM_CODES))}`, { $ref: "#/components/schemas/Problem" }) };
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[`Problem${status}`] = response(describe(codes), {
      allOf: [{ $ref: "#/components/schemas/Problem" }, { properties: { status: { const: status }, code: { enum: codes } } }],
    });
  }
  return out;
}
