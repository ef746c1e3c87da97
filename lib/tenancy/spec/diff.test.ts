import { describe, expect, it } from "vitest";
import { workspaceSpecDocument } from "./document";
import { diffSpec, summarize } from "./diff";
import { normalDocument, type SpecJson } from "./normalize";

const future = "2099-01-31T18:00:00.000Z";
const raw: SpecJson = {
  apiVersion: "tenantry.io/v1alpha1",
  kind: "Workspace",
  metadata: { name: "acme" },
  spec: {
    clusters: ["host"],
    members: [
      { username: "alice", role: "admin" },
      { username: "bob", role: "regular", expiresAt: future },
    ],
    roles: [{ name: "auditor", templates: ["workspace-audit.view"] }],
    quotas: [{ cluster: "host", hard: { "requests.cpu": "4" }, defaultProject: { hard: { "requests.cpu": "1" } } }],
    network: { isolated: false },
    nodeSelector: {},
    projects: [
      {
        name: "web",
        cluster: "host",
        members: [{ username: "bob", role: "viewer" }],
        roles: [],
        quota: { hard: { "requests.cpu": "1" } },
        limits: {},
        network: { isolated: false, allow: [] },
        podSecurity: "restricted",
      },
    ],
  },
};

/** As exported: what is stored is in normal form (role templates with their dependencies, canonical quantities). */
const current = normalDocument(workspaceSpecDocument.parse(raw));

/** `edit` applied to a copy of the current document, through the schema and normalization as PUT reads it. */
const wanted = (edit: (d: SpecJson) => void = () => undefined) => {
  const d = structuredClone(raw);
  edit(d);
  return normalDocument(workspaceSpecDocument.parse(d));
};

describe("diffSpec", () => {
  it("finds nothing to do in the document as exported (the round trip is a no-op)", () => {
    expect(diffSpec(current, wanted())).toEqual([]);
  });

  it("compares values, not spellings: quantities, the order of lists, defaults, template dependencies", () => {
    const same = wanted((d) => {
      d.spec!.quotas![0]!.hard = { "requests.cpu": "4000m" };
      d.spec!.members!.reverse();
      d.spec!.projects![0]!.network = { isolated: false };
      d.spec!.clusters = ["host"];
    });
    expect(diffSpec(current, same)).toEqual([]);
  });

  it("names each object added, changed and removed, with its place in the document", () => {
    const changes = diffSpec(
      current,
      wanted((d) => {
        d.spec!.members = [{ username: "alice", role: "admin" }, { username: "carol", role: "viewer" }];
        d.spec!.quotas![0]!.hard = { "requests.cpu": "8" };
        d.spec!.projects![0]!.members = [];
        d.spec!.projects!.push({ name: "api", cluster: "host" });
      }),
    );
    expect(changes.map((c) => [c.action, c.kind, c.name, c.path])).toEqual([
      ["added", "member", "carol", "spec.members.1"],
      ["changed", "quota", "host", "spec.quotas.0"],
      ["removed", "project-member", "bob", "spec.projects.0.members"],
      ["added", "project", "api", "spec.projects.1"],
      ["removed", "member", "bob", "spec.members"],
    ]);
    expect(changes[1]).toMatchObject({ before: { hard: { "requests.cpu": "4" } }, after: { hard: { "requests.cpu": "8" } } });
    expect(summarize(changes)).toEqual({ added: 2, changed: 1, removed: 2 });
  });

  it("orders what others refer to first and removals last", () => {
    const changes = diffSpec(
      current,
      wanted((d) => {
        d.spec!.roles = [{ name: "ops", templates: ["workspace-quotas.manage"] }];
        d.spec!.members = [{ username: "alice", role: "ops" }];
        delete d.spec!.projects;
      }),
    );
    expect(changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual(["added role ops", "changed member alice", "removed member bob", "removed role auditor"]);
  });

  it("leaves a section out of the document alone", () => {
    expect(diffSpec(current, wanted((d) => { d.spec = { clusters: ["host"] }; }))).toEqual([]);
    expect(diffSpec(current, wanted((d) => { delete d.spec!.projects![0]!.members; }))).toEqual([]);
  });

  it("changes a membership's end, and removes it when the document has none", () => {
    const changes = diffSpec(current, wanted((d) => { delete d.spec!.members![1]!.expiresAt; }));
    expect(changes).toEqual([{ action: "changed", kind: "member", name: "bob", path: "spec.members.1", before: current.spec!.members![1], after: { username: "bob", role: "regular" } }]);
  });

  it("reports the workspace's own settings as one change, and a project moved to another cluster as a change of it", () => {
    const changes = diffSpec(current, wanted((d) => {
      d.spec!.displayName = "ACME";
      d.spec!.clusters = ["host", "edge"];
      d.spec!.projects![0]!.cluster = "edge";
    }));
    expect(changes).toEqual([
      { action: "changed", kind: "workspace", name: "acme", path: "spec", before: { displayName: null, clusters: ["host"] }, after: { displayName: "ACME", clusters: ["host", "edge"] } },
      { action: "changed", kind: "project", name: "web", path: "spec.projects.0.cluster", before: { cluster: "host" }, after: { cluster: "edge" } },
    ]);
  });

  it("creates a workspace that does not exist", () => {
    expect(diffSpec(null, wanted())).toEqual([{ action: "added", kind: "workspace", name: "acme", path: "metadata.name", after: { clusters: ["host"] } }]);
  });
});

describe("the document's schema", () => {
  it("refuses what its routes refuse, by field path", () => {
    const paths = (d: SpecJson) => workspaceSpecDocument.safeParse(d).error?.issues.map((i) => i.path.join("."));
    const invalid = structuredClone(raw);
    invalid.spec!.quotas![0]!.hard = { "requests.cpu": "lots" };
    invalid.spec!.projects![0]!.podSecurity = "open" as never;
    (invalid.spec as Record<string, unknown>).colour = "blue";
    expect(paths(invalid)).toEqual(expect.arrayContaining(["spec.quotas.0.hard.requests.cpu", "spec.projects.0.podSecurity", "spec"]));
    const twice = structuredClone(raw);
    twice.spec!.members!.push({ username: "alice", role: "viewer" });
    twice.spec!.projects![0]!.members!.push({ username: "zed", role: "viewer" });
    expect(paths(twice)).toEqual(["spec.members.2.username", "spec.projects.0.members.1.username"]);
    expect(workspaceSpecDocument.safeParse({ ...raw, apiVersion: "v1" }).success).toBe(false);
  });
});
