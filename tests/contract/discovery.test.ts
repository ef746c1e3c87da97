// Discovery and authentication, as documented in the Kubernetes API concepts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw, openTarget, type Target } from "./target";

let t: Target;
beforeAll(async () => { t = await openTarget(); });
afterAll(async () => { await t.close(); });

describe("discovery", () => {
  it("serves /version with a semantic gitVersion", async () => {
    const r = await raw(t.admin, "GET", "/version");
    expect(r.status).toBe(200);
    expect(r.body.gitVersion).toMatch(/^v1\.\d+\.\d+/);
    expect(r.body.major).toBe("1");
  });

  it("lists the core API versions at /api", async () => {
    const r = await raw(t.admin, "GET", "/api");
    expect(r.body).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
  });

  it("lists API groups at /apis with preferred versions", async () => {
    const r = await raw(t.admin, "GET", "/apis");
    expect(r.body.kind).toBe("APIGroupList");
    const names = r.body.groups.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(["rbac.authorization.k8s.io", "networking.k8s.io", "authorization.k8s.io"]));
    const rbac = r.body.groups.find((g: { name: string }) => g.name === "rbac.authorization.k8s.io");
    expect(rbac.preferredVersion).toEqual({ groupVersion: "rbac.authorization.k8s.io/v1", version: "v1" });
  });

  it("describes core resources with scope, verbs, kind and short names", async () => {
    const r = await raw(t.admin, "GET", "/api/v1");
    expect(r.body).toMatchObject({ kind: "APIResourceList", groupVersion: "v1" });
    const byName = Object.fromEntries(r.body.resources.map((x: { name: string }) => [x.name, x]));
    expect(byName.namespaces).toMatchObject({ namespaced: false, kind: "Namespace", shortNames: ["ns"] });
    expect(byName.pods).toMatchObject({ namespaced: true, kind: "Pod", shortNames: ["po"] });
    expect(byName.pods.verbs).toEqual(expect.arrayContaining(["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]));
    expect(byName["pods/status"]).toBeDefined();
    expect(byName.resourcequotas.shortNames).toEqual(["quota"]);
    for (const name of ["services", "configmaps", "serviceaccounts", "limitranges", "nodes"]) expect(byName[name]).toBeDefined();
  });

  it("describes group resources", async () => {
    const rbac = await raw(t.admin, "GET", "/apis/rbac.authorization.k8s.io/v1");
    expect(rbac.body.resources.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["roles", "rolebindings", "clusterroles", "clusterrolebindings"]));
    const net = await raw(t.admin, "GET", "/apis/networking.k8s.io/v1");
    expect(net.body.resources.find((x: { name: string }) => x.name === "networkpolicies")).toMatchObject({ namespaced: true, kind: "NetworkPolicy", shortNames: ["netpol"] });
    const authz = await raw(t.admin, "GET", "/apis/authorization.k8s.io/v1");
    expect(authz.body.resources.find((x: { name: string }) => x.name === "selfsubjectaccessreviews")).toMatchObject({ namespaced: false, verbs: ["create"] });
  });

  it("answers unknown resources with 404 NotFound", async () => {
    const r = await raw(t.admin, "GET", "/api/v1/nosuchthings");
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ kind: "Status", status: "Failure", reason: "NotFound", code: 404 });
  });
});

// Without the admin's credentials: a client certificate would authenticate the request whatever its token.
describe("authentication", () => {
  it("rejects a wrong bearer token with 401 Unauthorized", async () => {
    const r = await raw(t.anonymous(), "GET", "/api/v1/namespaces", { token: "not-a-valid-token" });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 });
  });

  it("does not let a request without credentials list namespaces", async () => {
    const r = await raw(t.anonymous(), "GET", "/api/v1/namespaces", { token: null });
    // 401 when anonymous auth is off (the simulator); 403 for system:anonymous when it is on.
    expect([401, 403]).toContain(r.status);
    expect(r.body.kind).toBe("Status");
  });
});
