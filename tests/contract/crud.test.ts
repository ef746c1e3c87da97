// Object CRUD semantics: https://kubernetes.io/docs/reference/using-api/api-concepts/
import { CoreV1Api, PatchStrategy, setHeaderOptions, type V1ConfigMap } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, openTarget, raw, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
let ns: string;
const merge = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
const strategic = setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch);
const cm = (name: string, labels?: Record<string, string>, data: Record<string, string> = { k: "v" }): V1ConfigMap => ({ metadata: { name, labels }, data });

beforeAll(async () => {
  t = await openTarget();
  core = t.admin.makeApiClient(CoreV1Api);
  ns = `${t.run}-crud`;
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
  await t.close();
});

describe("create, read, update, delete", () => {
  it("creates with 201 and echoes server metadata", async () => {
    const r = await raw(t.admin, "POST", `/api/v1/namespaces/${ns}/configmaps`, { body: { apiVersion: "v1", kind: "ConfigMap", ...cm("created") } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "created", namespace: ns }, data: { k: "v" } });
    expect(r.body.metadata.uid).toBeTruthy();
  });

  it("gives each write a new resourceVersion", async () => {
    const a = await core.createNamespacedConfigMap({ namespace: ns, body: cm("rv") });
    const b = await core.replaceNamespacedConfigMap({ namespace: ns, name: "rv", body: { ...a, data: { k: "2" } } });
    expect(b.metadata?.resourceVersion).not.toBe(a.metadata?.resourceVersion);
    expect(b.metadata?.uid).toBe(a.metadata?.uid);
    expect(b.data).toEqual({ k: "2" });
  });

  it("keeps the resourceVersion on an update that changes nothing", async () => {
    const a = await core.createNamespacedConfigMap({ namespace: ns, body: cm("noop", { x: "1" }) });
    const b = await core.replaceNamespacedConfigMap({ namespace: ns, name: "noop", body: { data: { k: "v" }, metadata: { labels: { x: "1" }, name: "noop" } } });
    expect(b.metadata?.resourceVersion).toBe(a.metadata?.resourceVersion);
  });

  it("refuses an update with a stale resourceVersion with 409 Conflict", async () => {
    const a = await core.createNamespacedConfigMap({ namespace: ns, body: cm("stale") });
    await core.replaceNamespacedConfigMap({ namespace: ns, name: "stale", body: { ...a, data: { k: "new" } } });
    const { code, body } = await failure(core.replaceNamespacedConfigMap({ namespace: ns, name: "stale", body: { ...a, data: { k: "lost" } } }));
    expect(code).toBe(409);
    expect(body).toMatchObject({ reason: "Conflict", details: { name: "stale", kind: "configmaps" } });
    expect(body.message).toBe('Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again');
  });

  it("answers a missing object with 404 NotFound naming the resource", async () => {
    const { code, body } = await failure(core.readNamespacedConfigMap({ namespace: ns, name: "absent" }));
    expect(code).toBe(404);
    expect(body).toMatchObject({ reason: "NotFound", message: 'configmaps "absent" not found', details: { name: "absent", kind: "configmaps" } });
  });

  it("refuses a duplicate with 409 AlreadyExists", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("twice") });
    const { code, body } = await failure(core.createNamespacedConfigMap({ namespace: ns, body: cm("twice") }));
    expect(code).toBe(409);
    expect(body).toMatchObject({ reason: "AlreadyExists", message: 'configmaps "twice" already exists' });
  });

  it("rejects invalid names and labels with 422 Invalid and causes", async () => {
    const bad = await failure(core.createNamespacedConfigMap({ namespace: ns, body: cm("Bad_Name") }));
    expect(bad.code).toBe(422);
    expect(bad.body).toMatchObject({ reason: "Invalid", details: { name: "Bad_Name", kind: "ConfigMap" } });
    expect(bad.body.message).toContain("a lowercase RFC 1123 subdomain must consist of");
    const label = await failure(core.createNamespacedConfigMap({ namespace: ns, body: cm("badlabel", { app: "no spaces" }) }));
    expect(label.code).toBe(422);
    expect(label.body.details.causes[0].field).toBe("metadata.labels");
  });

  it("refuses a privileged container that forbids privilege escalation with 422", async () => {
    const body = { metadata: { name: "contradiction" }, spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.9", securityContext: { privileged: true, allowPrivilegeEscalation: false } }] } };
    const { code, body: status } = await failure(core.createNamespacedPod({ namespace: ns, body }));
    expect(code).toBe(422);
    expect(status.details.causes).toEqual([expect.objectContaining({ reason: "FieldValueInvalid", field: "spec.containers[0].securityContext" })]);
    expect(status.message).toBe(`Pod "contradiction" is invalid: spec.containers[0].securityContext: Invalid value: {"Capabilities":null,"Privileged":true,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":null,"RunAsGroup":null,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,"ProcMount":null,"SeccompProfile":null,"AppArmorProfile":null}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`);
  });

  it("generates names from generateName", async () => {
    const r = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { generateName: "gen-" } } });
    expect(r.metadata?.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it("rejects a body whose namespace differs from the URL with 400 BadRequest", async () => {
    const r = await raw(t.admin, "POST", `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: "x", namespace: "elsewhere" } } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ reason: "BadRequest", message: "the namespace of the provided object does not match the namespace sent on the request" });
  });

  it("refuses a body in a format it does not decode with 415 naming the accepted media types", async () => {
    const r = await raw(t.admin, "POST", `/api/v1/namespaces/${ns}/configmaps`, { body: "name: plain", headers: { "Content-Type": "text/plain" } });
    expect(r.status).toBe(415);
    expect(r.body).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType", code: 415 });
    expect(r.body.message).toBe("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
  });

  it("accepts a YAML body", async () => {
    const r = await raw(t.admin, "POST", `/api/v1/namespaces/${ns}/configmaps`, { body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  k: v\n", headers: { "Content-Type": "application/yaml" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: "ConfigMap", metadata: { name: "from-yaml" }, data: { k: "v" } });
  });

  it("deletes a ConfigMap answering with a Success Status", async () => {
    const a = await core.createNamespacedConfigMap({ namespace: ns, body: cm("gone") });
    const r = await raw(t.admin, "DELETE", `/api/v1/namespaces/${ns}/configmaps/gone`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: "Status", status: "Success", details: { name: "gone", kind: "configmaps", uid: a.metadata?.uid } });
    expect((await failure(core.readNamespacedConfigMap({ namespace: ns, name: "gone" }))).code).toBe(404);
  });

  it("does not persist dry-run creates", async () => {
    const r = await core.createNamespacedConfigMap({ namespace: ns, body: cm("dry"), dryRun: "All" });
    expect(r.metadata?.name).toBe("dry");
    expect((await failure(core.readNamespacedConfigMap({ namespace: ns, name: "dry" }))).code).toBe(404);
  });
});

describe("patch", () => {
  it("applies a JSON merge patch, null deleting keys", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("mp", { a: "1" }, { x: "1", y: "2" }) });
    const r = await core.patchNamespacedConfigMap({ namespace: ns, name: "mp", body: { metadata: { labels: { b: "2" } }, data: { y: null, z: "3" } } }, merge);
    expect(r.metadata?.labels).toEqual({ a: "1", b: "2" });
    expect(r.data).toEqual({ x: "1", z: "3" });
  });

  it("applies a strategic merge patch to maps", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("smp", undefined, { x: "1" }) });
    const r = await core.patchNamespacedConfigMap({ namespace: ns, name: "smp", body: { data: { y: "2" } } }, strategic);
    expect(r.data).toEqual({ x: "1", y: "2" });
  });

  it("applies a JSON patch (the client's default) and fails a failed test op with 422", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("jp", undefined, { x: "1" }) });
    const r = await core.patchNamespacedConfigMap({ namespace: ns, name: "jp", body: [{ op: "add", path: "/data/y", value: "2" }, { op: "replace", path: "/data/x", value: "9" }] });
    expect(r.data).toEqual({ x: "9", y: "2" });
    const { code } = await failure(core.patchNamespacedConfigMap({ namespace: ns, name: "jp", body: [{ op: "test", path: "/data/x", value: "nope" }] }));
    expect(code).toBe(422);
  });

  it("honours a resourceVersion precondition inside the patch", async () => {
    const a = await core.createNamespacedConfigMap({ namespace: ns, body: cm("pre") });
    await core.patchNamespacedConfigMap({ namespace: ns, name: "pre", body: { data: { k: "1" } } }, merge);
    const { code, body } = await failure(core.patchNamespacedConfigMap({ namespace: ns, name: "pre", body: { metadata: { resourceVersion: a.metadata!.resourceVersion }, data: { k: "2" } } }, merge));
    expect(code).toBe(409);
    expect(body.reason).toBe("Conflict");
  });

  it("patching a missing object is 404", async () => {
    const { code } = await failure(core.patchNamespacedConfigMap({ namespace: ns, name: "nobody", body: { data: { a: "b" } } }, merge));
    expect(code).toBe(404);
  });
});

describe("list", () => {
  const sel = async (labelSelector: string) =>
    (await core.listNamespacedConfigMap({ namespace: ns, labelSelector })).items.map((i) => i.metadata!.name).filter((n) => n!.startsWith("sel-")).sort();

  beforeAll(async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("sel-web", { app: "web", tier: "front" }) });
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("sel-api", { app: "api", tier: "back" }) });
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("sel-db", { app: "db" }) });
  });

  it.each([
    ["app=web", ["sel-web"]],
    ["app==api", ["sel-api"]],
    ["app!=web", ["sel-api", "sel-db"]],
    ["app in (web,db)", ["sel-db", "sel-web"]],
    ["app notin (web)", ["sel-api", "sel-db"]],
    ["tier", ["sel-api", "sel-web"]],
    ["!tier,app", ["sel-db"]],
    ["app,tier=back", ["sel-api"]],
  ])("selects labels with %j", async (selector, names) => {
    expect(await sel(selector)).toEqual(names);
  });

  it("rejects a malformed label selector with 400", async () => {
    const { code, body } = await failure(core.listNamespacedConfigMap({ namespace: ns, labelSelector: "app in web" }));
    expect(code).toBe(400);
    expect(body.reason).toBe("BadRequest");
  });

  it("selects fields: metadata.name and metadata.namespace", async () => {
    const byName = await core.listNamespacedConfigMap({ namespace: ns, fieldSelector: "metadata.name=sel-db" });
    expect(byName.items.map((i) => i.metadata?.name)).toEqual(["sel-db"]);
    const all = await core.listConfigMapForAllNamespaces({ fieldSelector: `metadata.namespace=${ns},metadata.name!=sel-db`, labelSelector: "app" });
    expect(all.items.map((i) => i.metadata?.name).sort()).toEqual(["sel-api", "sel-web"]);
  });

  it("selects pods by status.phase and refuses unsupported fields", async () => {
    await core.createNamespacedPod({ namespace: ns, body: { metadata: { name: "phase" }, spec: { containers: [{ name: "c", image: "registry.k8s.io/pause:3.9" }] } } });
    const live = await core.listNamespacedPod({ namespace: ns, fieldSelector: "status.phase!=Succeeded" });
    expect(live.items.map((p) => p.metadata?.name)).toContain("phase");
    const done = await core.listNamespacedPod({ namespace: ns, fieldSelector: "status.phase=Succeeded" });
    expect(done.items).toEqual([]);
    const { code } = await failure(core.listNamespacedConfigMap({ namespace: ns, fieldSelector: "data.k=v" }));
    expect(code).toBe(400);
  });

  it("pages with limit and continue, and reports a list resourceVersion", async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: "app", limit: 2, _continue: token });
      expect(page.metadata?.resourceVersion).toMatch(/^\d+$/);
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((i) => i.metadata!.name!));
      token = page.metadata?._continue || undefined;
      pages++;
    } while (token);
    // A server may return fewer than `limit` items per page, never more.
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(names.sort()).toEqual(["sel-api", "sel-db", "sel-web"]);
  });

  it("returns list items without kind, inside a typed List", async () => {
    const r = await raw(t.admin, "GET", `/api/v1/namespaces/${ns}/configmaps?labelSelector=app%3Dweb`);
    expect(r.body).toMatchObject({ kind: "ConfigMapList", apiVersion: "v1" });
    expect(r.body.items[0].kind).toBeUndefined();
  });

  it("deletes a collection by label", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("dc-1", { batch: "x" }) });
    await core.createNamespacedConfigMap({ namespace: ns, body: cm("dc-2", { batch: "x" }) });
    await core.deleteCollectionNamespacedConfigMap({ namespace: ns, labelSelector: "batch=x" });
    expect((await core.listNamespacedConfigMap({ namespace: ns, labelSelector: "batch=x" })).items).toEqual([]);
  });
});
