// Watches and server-side printing: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
import { CoreV1Api, Watch } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, openTarget, raw, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
let ns: string;

beforeAll(async () => {
  t = await openTarget();
  core = t.admin.makeApiClient(CoreV1Api);
  ns = `${t.run}-watch`;
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
  await t.close();
});

describe("watch", () => {
  it("streams ADDED, MODIFIED and DELETED from a list's resourceVersion", async () => {
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    const events: string[] = [];
    const req = await new Watch(t.admin).watch(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: list.metadata!.resourceVersion, labelSelector: "watched=yes" },
      (type: string, obj: { metadata: { name: string } }) => events.push(`${type} ${obj.metadata.name}`), () => undefined);
    try {
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "ignored" } } });
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "w", labels: { watched: "yes" } }, data: { a: "1" } } });
      await core.replaceNamespacedConfigMap({ namespace: ns, name: "w", body: { metadata: { name: "w", labels: { watched: "yes" } }, data: { a: "2" } } });
      await core.deleteNamespacedConfigMap({ namespace: ns, name: "w" });
      await eventually(async () => expect(events).toEqual(["ADDED w", "MODIFIED w", "DELETED w"]));
    } finally {
      req.abort();
    }
  });

  it("says DELETED when a change takes an object out of the label selector, ADDED when one brings it in", async () => {
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "moves", labels: { watched: "yes" } } } });
    const list = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: "watched=yes" });
    const events: string[] = [];
    const req = await new Watch(t.admin).watch(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: list.metadata!.resourceVersion, labelSelector: "watched=yes" },
      (type: string, obj: { metadata: { name: string } }) => events.push(`${type} ${obj.metadata.name}`), () => undefined);
    try {
      await core.replaceNamespacedConfigMap({ namespace: ns, name: "moves", body: { metadata: { name: "moves", labels: { watched: "no" } } } });
      await core.replaceNamespacedConfigMap({ namespace: ns, name: "moves", body: { metadata: { name: "moves", labels: { watched: "yes" } } } });
      await eventually(async () => expect(events).toEqual(["DELETED moves", "ADDED moves"]));
    } finally {
      req.abort();
    }
  });
});

describe("bookmarks", () => {
  it("with allowWatchBookmarks, a BOOKMARK before timeoutSeconds ends the watch carries the version of writes the selector filtered out", async () => {
    const list = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: "bookmarked=yes" });
    const events: { type: string; rv: string }[] = [];
    let ended!: () => void;
    const end = new Promise<void>((r) => (ended = r));
    await new Watch(t.admin).watch(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: list.metadata!.resourceVersion, labelSelector: "bookmarked=yes", allowWatchBookmarks: true, timeoutSeconds: 4 },
      (type: string, obj: { metadata: { resourceVersion: string } }) => events.push({ type, rv: obj.metadata.resourceVersion }), () => ended());
    const unseen = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "not-bookmarked" } } });
    await end;
    // Only bookmarks (a client resumes from them without replaying or relisting), the last at or after the write.
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === "BOOKMARK")).toBe(true);
    expect(BigInt(events.at(-1)!.rv)).toBeGreaterThanOrEqual(BigInt(unseen.metadata!.resourceVersion!));
  });
});

describe("server-side printing", () => {
  it("answers Accept as=Table with a meta.k8s.io/v1 Table", async () => {
    const r = await raw(t.admin, "GET", "/api/v1/namespaces", { headers: { Accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" } });
    expect(r.body).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
    const columns = r.body.columnDefinitions.map((c: { name: string }) => c.name);
    expect(columns.slice(0, 3)).toEqual(["Name", "Status", "Age"]);
    const row = r.body.rows.find((x: { cells: string[] }) => x.cells[0] === ns);
    expect(row.cells[1]).toBe("Active");
    expect(row.object).toMatchObject({ kind: "PartialObjectMetadata", metadata: { name: ns } });
  });
});
