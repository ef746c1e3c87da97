// Security issue #13, item 11 (a): every route of the route table, as every kind of caller, with requests
// generated from the route's own zod schemas and mixed with adversarial values. Whatever comes in, the
// answer is below 500 and problem+json when refused, a refused request changes neither the database
// nor the cluster, and a denial or refused change is audited. A fixed seed by default (printed); FUZZ_SEED picks another, FUZZ_RUNS runs longer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { createRole } from "@/lib/tenancy/roles";
import { putWorkspaceQuota } from "@/lib/tenancy/quotas";
import { resolveScope } from "@/lib/tenancy/scope";
import { createProvider } from "@/lib/identity/providers";
import { createBinding } from "@/lib/identity/group-bindings";
import { openSession } from "@/lib/identity/sessions";
import { createToken } from "@/lib/identity/tokens";
import { fill } from "@/e2e/support/route-table";
import { callRoute, type Answer } from "../support/call-route";
import { routeHandlers, type RouteHandler } from "../support/route-handlers";
import { arbitraryFor, nastyUrlString } from "../support/schema-arbitrary";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { stateOf } from "../support/state";

const SEED = Number(process.env.FUZZ_SEED ?? 20261311);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
console.info(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} (per route and caller)`);

const ROLES = ["anonymous", "platform-admin", "workspace-admin", "workspace-viewer", "project-viewer", "outsider"] as const;
type Role = (typeof ROLES)[number];

/** What the requests are about: fresh after any request that changed something, so every case starts alike. */
interface World {
  cluster: string;
  ws: string;
  project: string;
  tokens: Record<Role, string | undefined>;
  /** Path parameter values that name something real, by parameter name. */
  known: Record<string, string[]>;
}

let sim: Simulator;
let world: World | undefined;

async function buildWorld(): Promise<World> {
  const cluster = uniqueName("fz");
  await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  const users: Record<Exclude<Role, "anonymous">, User> = {
    "platform-admin": await makeUser("platform-admin"),
    "workspace-admin": await makeUser(),
    "workspace-viewer": await makeUser(),
    "project-viewer": await makeUser(),
    outsider: await makeUser(),
  };
  const other = await makeUser();
  const ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, users["workspace-admin"])).name;
  const owner = await principalOf(users["workspace-admin"].username, { workspace: ws });
  const project = (await createProject(ws, { name: uniqueName("p"), cluster }, users["workspace-admin"], owner)).name;
  const wsRef = await resolveScope({ workspace: ws });
  const pRef = await resolveScope({ workspace: ws, project });
  const ownerInProject = await principalOf(users["workspace-admin"].username, { workspace: ws, project });
  await addMember(wsRef, owner, { username: users["workspace-viewer"].username, role: "viewer" });
  for (const u of [users["project-viewer"], other]) await addMember(wsRef, owner, { username: u.username, role: "regular" });
  await addMember(pRef, ownerInProject, { username: users["project-viewer"].username, role: "viewer" });
  await addMember(pRef, ownerInProject, { username: other.username, role: "operator" });
  const root = await principalOf(users["platform-admin"].username);
  const platformRole = (await createRole(await resolveScope({}), root, { name: uniqueName("pr"), templates: ["clusters.view"] })).name;
  const wsRole = (await createRole(wsRef, owner, { name: uniqueName("wr"), templates: ["workspace-settings.view"] })).name;
  const projectRole = (await createRole(pRef, ownerInProject, { name: uniqueName("prr"), templates: ["project-settings.view"] })).name;
  await putWorkspaceQuota(ws, cluster, { hard: { "limits.cpu": "4", "limits.memory": "8Gi" } });
  const provider = (await createProvider({
    name: uniqueName("idp"), type: "oidc", enabled: true, mappingMethod: "lookup", secret: "s3cret",
    config: { issuer: "https://idp.invalid", clientId: "tenantry", scopes: "openid", usernameClaim: "preferred_username", emailClaim: "email", nameClaim: "name", groupsClaim: "groups" },
  })).name;
  const binding = (await createBinding(root, provider, { group: "devs", workspace: ws, role: "viewer" })) as { id: string };
  const tokens = { anonymous: undefined } as Record<Role, string | undefined>;
  const ids: string[] = [binding.id];
  for (const [role, u] of Object.entries(users)) {
    tokens[role as Role] = (await createToken(u.id, { name: uniqueName("t") })).token;
    ids.push((await createToken(u.id, { name: uniqueName("spare") })).id, (await openSession(u.id, "local", { sourceIp: "10.0.0.1", userAgent: "fuzz" })).id);
  }
  const usernames = [other, users["workspace-admin"], users["platform-admin"], users["project-viewer"]].map((u) => u.username);
  return {
    cluster, ws, project, tokens,
    known: { cluster: [cluster], ws: [ws], workspace: [ws], project: [project], username: usernames, role: [platformRole, wsRole, projectRole, "admin", "viewer"], name: [provider], id: ids },
  };
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SUCCESS_TYPES = /^(application\/json|text\/csv|application\/x-ndjson)\b/;

/** Query values are strings: whatever the generator made is sent as its text, cut to what fits in a URL. */
const asQuery = (v: unknown): Record<string, string> =>
  v && typeof v === "object" && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.slice(0, 1000), fitUrl(typeof x === "string" ? x : JSON.stringify(x) ?? "")]))
    : {};
const fitUrl = (s: string) => {
  while (segment(s).length > 4096) s = s.slice(0, s.length >> 1);
  return s;
};
/** Raw bodies that are not what JSON.stringify would make. */
const rawBody = fc.constantFrom("{", "[", "nul", "\u0000", "{\"a\":1}{", "1e1000000", "\"\\ud800\"", "[".repeat(100_000), "{\"__proto__\":{\"x\":1}}", " ");
/** A path segment as a browser would send it (a lone surrogate cannot be percent-encoded: it becomes U+FFFD). */
const segment = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

interface Case {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

function caseArbitrary(r: RouteHandler, known: Record<string, string[]>): fc.Arbitrary<Case> {
  const names = [...r.template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
  const param = (n: string) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(known[n] ?? ["x"])) }, { weight: 1, arbitrary: nastyUrlString });
  const params = fc.record(Object.fromEntries(names.map((n) => [n, param(n)])));
  const body = MUTATING.has(r.method)
    ? fc.oneof({ weight: 6, arbitrary: arbitraryFor(r.spec?.body as never, known) }, { weight: 1, arbitrary: rawBody.map((text) => ({ raw: text })) })
    : fc.constant(undefined);
  return fc.record({ params, query: arbitraryFor(r.spec?.query as never, known).map(asQuery), body });
}

const routes = await routeHandlers();
const clip = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
};

beforeAll(async () => {
  sim = await startSimulator({ name: "fuzz-sim" });
});
afterAll(async () => {
  await sim?.stop();
  // How far the requests got: a route whose cases all end at one status is not being explored.
  console.info(`fuzz: answers by route (status → count)\n${[...tally].map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join("\n")}`);
});
const tally = new Map<string, Record<number, number>>();
const count = (key: string, status: number) => {
  const t = tally.get(key) ?? {};
  t[status] = (t[status] ?? 0) + 1;
  tally.set(key, t);
};

describe.each(routes.map((r) => [`${r.method} ${r.template}`, r] as const))("%s", (_, r) => {
  it.each(ROLES)("as %s: below 500, problem+json when refused, nothing changed by a refusal", async (role) => {
    world ??= await buildWorld();
    const seed = SEED + hash(`${r.method} ${r.template} ${role}`);
    await fc.assert(
      fc.asyncProperty(caseArbitrary(r, world.known), async (c) => {
        world ??= await buildWorld();
        const w = world;
        const params = Object.fromEntries(Object.keys(c.params).map((k) => [k, c.params[k]!]));
        const path = fill(r.template, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, segment(v)])));
        const body = c.body && typeof c.body === "object" && "raw" in c.body ? (c.body as { raw: string }).raw : c.body === undefined ? undefined : JSON.stringify(c.body);
        const before = await stateOf(sim);
        // The newest event's seq (indexed), not a count of the whole log, which grows with every file's events.
        const auditedBefore = (await db().auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? BigInt(-1);
        let answer: Answer;
        try {
          answer = await callRoute(r.handler, { method: r.method, path, params, token: w.tokens[role], body, query: c.query });
        } catch (err) {
          throw new Error(`${r.method} ${path} as ${role} threw ${err as Error}\nbody: ${clip(body)}`);
        }
        count(`${r.method} ${r.template}`, answer.status);
        const label = `${r.method} ${path} as ${role} → ${answer.status} ${clip(answer.body)}\nquery: ${clip(c.query)}\nbody: ${clip(body)}`;
        // A cluster another file stopped answers 503 cluster_unavailable, and a console without a TLS endpoint for the
        // audit webhook 503 audit_webhook_needs_tls: an outage or a setting named as such, not a server fault.
        const code = (answer.body as { code?: string } | null)?.code ?? "";
        const outage = answer.status === 503 && ["cluster_unavailable", "audit_webhook_needs_tls"].includes(code);
        if (!outage) expect(answer.status, label).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.contentType, label).toMatch(/^application\/problem\+json\b/);
          expect(answer.body, label).toMatchObject({ status: answer.status, code: expect.any(String) });
          const after = await stateOf(sim);
          expect(after.db, `${label}\na refused request changed the database`).toEqual(before.db);
          expect(after.cluster, `${label}\na refused request changed the cluster`).toBe(before.cluster);
          // Denials and refused changes are audited (DESIGN §5), whatever bytes they carried.
          if (answer.status === 401 || answer.status === 403 || MUTATING.has(r.method))
            expect(await db().auditEvent.findFirst({ where: { seq: { gt: auditedBefore } }, select: { seq: true } }), `${label}\nthe refusal left no audit event`).not.toBeNull();
        } else {
          if (answer.status !== 204 && answer.body !== null) expect(answer.contentType, label).toMatch(SUCCESS_TYPES);
          // Something may have changed: the next case starts from a fresh world.
          if (MUTATING.has(r.method)) world = undefined;
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});

/** A stable 31-bit hash, so each route and caller gets its own sequence from the one seed. */
function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h & 0x7fffffff;
}
