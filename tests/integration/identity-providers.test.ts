// Identity providers: secrets sealed and never returned, mapping both ways (create on first sign-in /
// existing users only), group bindings granting and taking back memberships, and LDAP against slapd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProvider, listProviders, providerRow } from "@/lib/identity/providers";
import { mapExternalUser } from "@/lib/identity/external";
import { createBinding } from "@/lib/identity/group-bindings";
import { signInLdap } from "@/lib/identity/ldap";
import { testConnection } from "@/lib/identity/test-connection";
import { listLoginRecords } from "@/lib/identity/login-records";
import { startLdap, LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD, LDAP_SUFFIX, type TestLdap } from "../support/ldap";
import { makeUser, uniqueName } from "../support/fixtures";

let sim: Simulator;
let ldap: TestLdap;
let cluster: string;
let owner: User;
const meta = () => ({ sourceIp: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

beforeAll(async () => {
  sim = await startSimulator({ name: "idp-sim" });
  cluster = uniqueName("c");
  await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  owner = await makeUser();
  ldap = await startLdap([
    { uid: "lena", password: "lena-directory-pass", name: "Lena Ops", mail: "lena@example.test", groups: ["ops"] },
    { uid: "mo", password: "mo-directory-pass", name: "Mo", groups: [] },
  ]);
});
afterAll(async () => {
  await ldap?.stop();
  await sim?.stop();
});

const oidc = (mappingMethod: "auto" | "lookup") =>
  createProvider({ name: uniqueName("oidc"), type: "oidc", enabled: true, mappingMethod, secret: "client-secret-value", config: { issuer: "http://127.0.0.1:1", clientId: "c", scopes: "openid", usernameClaim: "preferred_username", emailClaim: "email", nameClaim: "name", groupsClaim: "groups" } });

describe("identity providers", () => {
  it("seal their secret and never return it", async () => {
    const p = await oidc("auto");
    expect(p).toMatchObject({ hasSecret: true });
    expect(JSON.stringify(await listProviders())).not.toContain("client-secret-value");
    expect((await providerRow(p.name)).secret).not.toContain("client-secret-value");
  });

  it("create users on first sign-in, but never take over an account from elsewhere", async () => {
    const p = await providerRow((await oidc("auto")).name);
    const username = uniqueName("ext");
    const r = await mapExternalUser(p, { username, email: "e@x.test", displayName: "Ext", groups: [] });
    expect(r.reason).toBeNull();
    expect(r.user).toMatchObject({ username, source: p.name, passwordHash: null });
    const local = await makeUser();
    expect((await mapExternalUser(p, { username: local.username, groups: [] })).reason).toMatch(/does not come from/);
  });

  it("with lookup mapping sign in existing users only", async () => {
    const p = await providerRow((await oidc("lookup")).name);
    expect((await mapExternalUser(p, { username: uniqueName("nobody"), groups: [] })).reason).toMatch(/no such user/);
    const existing = await makeUser();
    expect((await mapExternalUser(p, { username: existing.username, groups: [] })).user?.id).toBe(existing.id);
  });

  it("group bindings grant memberships at sign-in and take them back when the group is gone", async () => {
    const p = await providerRow((await oidc("auto")).name);
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    await createBinding(p.name, { group: "dev", workspace: ws.name, role: "viewer" });
    await expect(createBinding(p.name, { group: "dev", workspace: ws.name, role: "no-such-role" })).rejects.toMatchObject({ status: 422 });
    const username = uniqueName("grp");
    const { user } = await mapExternalUser(p, { username, groups: ["dev", "other"] });
    const membership = () => db().workspaceMember.findFirst({ where: { userId: user!.id, workspace: { name: ws.name } } });
    expect(await membership()).toMatchObject({ role: "viewer" });
    await mapExternalUser(p, { username, groups: ["other"] });
    expect(await membership()).toBeNull();
    expect(await db().auditEvent.count({ where: { action: { in: ["group-binding.grant", "group-binding.revoke"] }, name: username } })).toBe(2);
  });
});

describe("LDAP", () => {
  const ldapProvider = (mappingMethod: "auto" | "lookup" = "auto") =>
    createProvider({
      name: uniqueName("ldap"),
      type: "ldap",
      enabled: true,
      mappingMethod,
      secret: LDAP_ADMIN_PASSWORD,
      config: {
        url: ldap.url, startTls: false, insecureSkipVerify: false, bindDn: LDAP_ADMIN_DN, userBase: `ou=people,${LDAP_SUFFIX}`, userFilter: "(uid={username})",
        usernameAttribute: "uid", emailAttribute: "mail", nameAttribute: "cn", groupBase: `ou=groups,${LDAP_SUFFIX}`, groupFilter: "(member={dn})", groupNameAttribute: "cn",
      },
    });

  it("binds, finds the user, checks the password and maps groups to a workspace", async () => {
    const p = await providerRow((await ldapProvider()).name);
    expect((await testConnection(p)).message).toMatch(/Bound/);
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    await createBinding(p.name, { group: "ops", workspace: ws.name, role: "admin" });
    expect(await signInLdap(p, "lena", "wrong-password", meta())).toBeNull();
    expect(await signInLdap(p, "lena*", "lena-directory-pass", meta())).toBeNull();
    expect(await signInLdap(p, "lena", "", meta())).toBeNull();
    const lena = await signInLdap(p, "lena", "lena-directory-pass", meta());
    expect(lena).toMatchObject({ username: "lena", email: "lena@example.test", displayName: "Lena Ops", source: p.name });
    expect(await db().workspaceMember.findFirst({ where: { userId: lena!.id, workspace: { name: ws.name } } })).toMatchObject({ role: "admin" });
    expect((await listLoginRecords(lena!.id, { limit: 5 })).items.map((r) => r.outcome)).toEqual(["success"]);
    // Attempts before the account existed are recorded under the name tried.
    const failures = await db().loginRecord.findMany({ where: { provider: p.name, outcome: "failure" } });
    expect(failures.map((r) => [r.username, r.reason]).sort()).toEqual([["lena*", "invalid username or password"], ["lena", "invalid username or password"], ["lena", "invalid username or password"]]);
  });

  it("a test connection with a wrong service password fails with a message", async () => {
    const p = await providerRow((await ldapProvider()).name);
    await db().identityProvider.update({ where: { id: p.id }, data: { secret: null } });
    const bad = await db().identityProvider.update({ where: { id: p.id }, data: { config: { ...(p.config as object), bindDn: `cn=nobody,${LDAP_SUFFIX}` } } });
    expect(await testConnection(bad)).toMatchObject({ ok: false });
  });
});
