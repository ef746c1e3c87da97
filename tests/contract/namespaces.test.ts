// Namespace lifecycle: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
import { CoreV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, failure, openTarget, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
const created: string[] = [];
const ns = (suffix: string) => { const name = `${t.run}-${suffix}`; created.push(name); return name; };

beforeAll(async () => { t = await openTarget(); core = t.admin.makeApiClient(CoreV1Api); });
afterAll(async () => {
  for (const name of created) await core.deleteNamespace({ name }).catch(() => undefined);
  await t.close();
});

describe("namespaces", () => {
  it("creates an Active namespace with server-set metadata", async () => {
    const name = ns("a");
    const created = await core.createNamespace({ body: { metadata: { name, labels: { team: "blue" } } } });
    expect(created.status?.phase).toBe("Active");
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(created.metadata?.labels).toEqual({ team: "blue", "kubernetes.io/metadata.name": name });
    const read = await core.readNamespace({ name });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);
  });

  it("refuses a duplicate with 409 AlreadyExists", async () => {
    const name = ns("dup");
    await core.createNamespace({ body: { metadata: { name } } });
    const { code, body } = await failure(core.createNamespace({ body: { metadata: { name } } }));
    expect(code).toBe(409);
    expect(body).toMatchObject({ kind: "Status", status: "Failure", reason: "AlreadyExists", message: `namespaces "${name}" already exists`, details: { name, kind: "namespaces" }, code: 409 });
  });

  it("answers a missing namespace with 404 NotFound", async () => {
    const name = `${t.run}-missing`;
    const { code, body } = await failure(core.readNamespace({ name }));
    expect(code).toBe(404);
    expect(body).toMatchObject({ reason: "NotFound", message: `namespaces "${name}" not found`, details: { name, kind: "namespaces" } });
  });

  it("rejects a name that is not a DNS-1123 label with 422 Invalid", async () => {
    const { code, body } = await failure(core.createNamespace({ body: { metadata: { name: "Not_Valid" } } }));
    expect(code).toBe(422);
    expect(body).toMatchObject({ reason: "Invalid", details: { name: "Not_Valid", kind: "Namespace" } });
    expect(body.message).toMatch(/^Namespace "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 label must consist of/);
    expect(body.details.causes).toEqual([expect.objectContaining({ reason: "FieldValueInvalid", field: "metadata.name" })]);
  });

  it("gives every namespace a default ServiceAccount, recreated when deleted", async () => {
    const name = ns("sa");
    await core.createNamespace({ body: { metadata: { name } } });
    const sa = await eventually(() => core.readNamespacedServiceAccount({ name: "default", namespace: name }));
    await core.deleteNamespacedServiceAccount({ name: "default", namespace: name });
    const again = await eventually(async () => {
      const s = await core.readNamespacedServiceAccount({ name: "default", namespace: name });
      if (s.metadata?.uid === sa.metadata?.uid) throw new Error("not recreated yet");
      return s;
    });
    expect(again.metadata?.name).toBe("default");
  });

  it("returns 404 for content created in a namespace that does not exist", async () => {
    const missing = `${t.run}-nowhere`;
    const { code, body } = await failure(core.createNamespacedConfigMap({ namespace: missing, body: { metadata: { name: "c" } } }));
    expect(code).toBe(404);
    expect(body).toMatchObject({ reason: "NotFound", message: `namespaces "${missing}" not found` });
  });

  it("deletes through Terminating: refuses new content, removes content, then the namespace", async () => {
    const name = ns("del");
    await core.createNamespace({ body: { metadata: { name } } });
    await core.createNamespacedConfigMap({ namespace: name, body: { metadata: { name: "keep" }, data: { a: "1" } } });
    // Hold deletion with a finalizer on content so Terminating is observable on any cluster.
    await core.createNamespacedConfigMap({ namespace: name, body: { metadata: { name: "held", finalizers: ["contract.tenantry.io/hold"] } } });

    const deleted = await core.deleteNamespace({ name });
    expect(deleted).toBeDefined();
    const terminating = await core.readNamespace({ name });
    expect(terminating.status?.phase).toBe("Terminating");
    expect(terminating.metadata?.deletionTimestamp).toBeInstanceOf(Date);

    const { code, body } = await failure(core.createNamespacedConfigMap({ namespace: name, body: { metadata: { name: "late" } } }));
    expect(code).toBe(403);
    expect(body).toMatchObject({ reason: "Forbidden", details: { name: "late", kind: "configmaps" } });
    expect(body.message).toBe(`configmaps "late" is forbidden: unable to create new content in namespace ${name} because it is being terminated`);

    await eventually(async () => {
      const { code } = await failure(core.readNamespacedConfigMap({ namespace: name, name: "keep" }));
      expect(code).toBe(404);
    });
    await core.patchNamespacedConfigMap({ namespace: name, name: "held", body: [{ op: "remove", path: "/metadata/finalizers" }] });
    await eventually(async () => {
      const { code } = await failure(core.readNamespace({ name }));
      expect(code).toBe(404);
    }, 60_000, 100);
  });

  it("refuses to delete the default namespace", async () => {
    const { code, body } = await failure(core.deleteNamespace({ name: "default" }));
    expect(code).toBe(403);
    expect(body.message).toBe(`namespaces "default" is forbidden: this namespace may not be deleted`);
  });
});
