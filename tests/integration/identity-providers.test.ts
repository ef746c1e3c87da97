// Identity providers: secrets sealed and never returned, mapping both ways (create on first sign-in /
// existing users only), group bindings granting and taking back memberships, and LDAP against slapd
// (plain, LDAPS and StartTLS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import type { Principal } from "@/lib/rbac/authorize";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { changeMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { createProvider, deleteProvider, listProviders, providerRow } from "@/lib/identity/providers";
import { mapExternalUser } from "@/lib/identity/external";
import { createBinding, deleteBinding } from "@/lib/identity/group-bindings";
import { signInLdap } from "@/lib/identity/ldap";
import { testConnection } from "@/lib/identity/test-connection";
import { createToken } from "@/lib/identity/tokens";
import { POST as testRoute } from "@/app/api/v1/identity-providers/[name]/test/route";
import { listLoginRecords } from "@/lib/identity/login-records";
import type { LdapConfig } from "@/lib/schemas/identity";
import { startLdap, LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD, LDAP_SUFFIX, type TestLdap } from "../support/ldap";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

let sim: Simulator;
let ldap: TestLdap;
let cluster: string;
let owner: User;
/** A platform admin's principal: managing providers and bindings is bounded by what the actor holds. */
let root: Principal;
const meta = () => ({ sourceIp: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

beforeAll(async () => {
  sim = await startSimulator({ name: "idp-sim" });
  cluster = uniqueName("c");
  await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  owner = await makeUser();
  root = await principalOf((await makeUser("platform-admin")).username);
  ldap = await startLdap([
    { uid: "lena", password: "lena-directory-pass", name: "Lena Ops", mail: "lena@example.test", groups: ["ops"] },
    { uid: "mo", password: "mo-directory-pass", name: "Mo", groups: [] },
    { uid: "ada", password: "ada-directory-pass", name: "Ada", groups: [] },
    { uid: "sid", password: "sid-directory-pass", name: "Sid", groups: [] },
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
    const r = await mapExternalUser(p, { username, externalId: "sub-1", email: "e@x.test", displayName: "Ext", groups: [] });
    expect(r.reason).toBeNull();
    expect(r.user).toMatchObject({ username, source: p.name, identityProviderId: p.id, externalId: "sub-1", passwordHash: null });
    const local = await makeUser();
    expect((await mapExternalUser(p, { username: local.username, externalId: "sub-2", groups: [] })).reason).toMatch(/is not linked to/);
  });

  it("with lookup mapping sign in existing users linked to them only", async () => {
    const p = await providerRow((await oidc("lookup")).name);
    expect((await mapExternalUser(p, { username: uniqueName("nobody"), externalId: "s", groups: [] })).reason).toMatch(/no such user/);
    const existing = await db().user.create({ data: { username: uniqueName("linked"), identityProviderId: p.id, source: p.name } });
    expect((await mapExternalUser(p, { username: existing.username, externalId: "s", groups: [] })).user?.id).toBe(existing.id);
  });

  it("group bindings grant memberships at sign-in and take them back when the group is gone", async () => {
    const p = await providerRow((await oidc("auto")).name);
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    await createBinding(root, p.name, { group: "dev", workspace: ws.name, role: "viewer" });
    await expect(createBinding(root, p.name, { group: "dev", workspace: ws.name, role: "no-such-role" })).rejects.toMatchObject({ status: 422 });
    const username = uniqueName("grp");
    const { user } = await mapExternalUser(p, { username, externalId: username, groups: ["dev", "other"] });
    const membership = () => db().workspaceMember.findFirst({ where: { userId: user!.id, workspace: { name: ws.name } } });
    expect(await membership()).toMatchObject({ role: "viewer" });
    await mapExternalUser(p, { username, externalId: username, groups: ["other"] });
    expect(await membership()).toBeNull();
    expect(await db().auditEvent.count({ where: { action: { in: ["group-binding.grant", "group-binding.revoke"] }, name: username } })).toBe(2);
  });
});

describe("group bindings to projects", () => {
  async function setup() {
    const p = await providerRow((await oidc("auto")).name);
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    const wsId = (await db().workspace.findUniqueOrThrow({ where: { name: ws.name } })).id;
    const principal = await principalOf(owner.username, { workspace: ws.name });
    const [pa, pb] = [await createProject(ws.name, { name: uniqueName("pa"), cluster }, owner, principal), await createProject(ws.name, { name: uniqueName("pb"), cluster }, owner, principal)];
    const ba = await createBinding(root, p.name, { group: "team-a", workspace: ws.name, project: pa.name, role: "viewer" });
    await createBinding(root, p.name, { group: "team-b", workspace: ws.name, project: pb.name, role: "viewer" });
    const signIn = async (username: string, groups: string[]) => (await mapExternalUser(p, { username, externalId: username, groups })).user!;
    const memberships = async (userId: string) => ({
      workspace: (await db().workspaceMember.findFirst({ where: { userId, workspaceId: wsId } }))?.role ?? null,
      projects: (await db().projectMember.findMany({ where: { userId, project: { workspaceId: wsId } }, select: { project: { select: { name: true } } } })).map((m) => m.project.name).sort(),
    });
    return { p, ws, wsId, pa, pb, ba, signIn, memberships };
  }

  it("add a bare workspace membership that goes when no bound project holds the user any more", async () => {
    const { pa, pb, signIn, memberships } = await setup();
    const username = uniqueName("proj");
    const user = await signIn(username, ["team-a", "team-b"]);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [pa.name, pb.name].sort() });
    await signIn(username, ["team-b"]);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [pb.name] });
    await signIn(username, []);
    expect(await memberships(user.id)).toEqual({ workspace: null, projects: [] });
    expect(await db().auditEvent.count({ where: { action: "group-binding.revoke", name: username, project: null } })).toBe(1);
  });

  it("leave a workspace membership granted directly alone", async () => {
    const { wsId, pa, signIn, memberships } = await setup();
    const username = uniqueName("direct");
    const user = await signIn(username, []);
    await db().workspaceMember.create({ data: { workspaceId: wsId, userId: user.id, role: "regular" } });
    await signIn(username, ["team-a"]);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [pa.name] });
    await signIn(username, []);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [] });
  });

  it("keep a bare workspace membership once a workspace admin has chosen its role", async () => {
    const { ws, pa, signIn, memberships } = await setup();
    const username = uniqueName("chosen");
    const user = await signIn(username, ["team-a"]);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [pa.name] });
    await changeMember(await resolveScope({ workspace: ws.name }), await principalOf(owner.username, { workspace: ws.name }), username, { role: "viewer" });
    await signIn(username, []);
    expect(await memberships(user.id)).toEqual({ workspace: "viewer", projects: [] });
  });

  it("let a workspace binding take over the bare membership and hand it back", async () => {
    const { p, ws, pa, signIn, memberships } = await setup();
    await createBinding(root, p.name, { group: "team-ws", workspace: ws.name, role: "viewer" });
    const username = uniqueName("both");
    const user = await signIn(username, ["team-a", "team-ws"]);
    expect(await memberships(user.id)).toEqual({ workspace: "viewer", projects: [pa.name] });
    await signIn(username, ["team-a"]);
    expect(await memberships(user.id)).toEqual({ workspace: "regular", projects: [pa.name] });
    await signIn(username, []);
    expect(await memberships(user.id)).toEqual({ workspace: null, projects: [] });
  });

  it("are taken back at once when the binding or its provider is deleted", async () => {
    const { p, ba, signIn, memberships } = await setup();
    const [one, two] = [await signIn(uniqueName("del"), ["team-a"]), await signIn(uniqueName("del"), ["team-b"])];
    await deleteBinding(root, p.name, ba.id);
    expect(await memberships(one.id)).toEqual({ workspace: null, projects: [] });
    expect((await memberships(two.id)).projects).toHaveLength(1);
    await deleteProvider(p.name);
    expect(await memberships(two.id)).toEqual({ workspace: null, projects: [] });
  });
});

describe("LDAP", () => {
  const ldapProvider = (mappingMethod: "auto" | "lookup" = "auto", tls: Partial<LdapConfig> = {}) =>
    createProvider({
      name: uniqueName("ldap"),
      type: "ldap",
      enabled: true,
      mappingMethod,
      secret: LDAP_ADMIN_PASSWORD,
      config: {
        url: ldap.url, startTls: false, insecureSkipVerify: false, caCert: "", bindDn: LDAP_ADMIN_DN, userBase: `ou=people,${LDAP_SUFFIX}`, userFilter: "(uid={username})",
        usernameAttribute: "uid", emailAttribute: "mail", nameAttribute: "cn", groupBase: `ou=groups,${LDAP_SUFFIX}`, groupFilter: "(member={dn})", groupNameAttribute: "cn",
        ...tls,
      },
    });

  it("binds, finds the user, checks the password and maps groups to a workspace", async () => {
    const p = await providerRow((await ldapProvider()).name);
    expect((await testConnection(p)).message).toMatch(/Bound/);
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    await createBinding(root, p.name, { group: "ops", workspace: ws.name, role: "admin" });
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

  for (const [how, uid, tls] of [
    ["LDAPS", "ada", () => ({ url: ldap.ldapsUrl })],
    ["StartTLS", "sid", () => ({ url: ldap.url, startTls: true })],
  ] as const)
    it(`signs in over ${how} trusting the configured CA, and refuses a server it cannot verify`, async () => {
      const trusted = await providerRow((await ldapProvider("auto", { ...tls(), caCert: ldap.caCert })).name);
      expect(await testConnection(trusted)).toMatchObject({ ok: true });
      expect(await signInLdap(trusted, uid, `${uid}-directory-pass`, meta())).toMatchObject({ username: uid, source: trusted.name });

      const untrusted = await providerRow((await ldapProvider("auto", tls())).name);
      expect(await testConnection(untrusted)).toMatchObject({ ok: false, message: expect.stringMatching(/certificate/) });
      expect(await signInLdap(untrusted, uid, `${uid}-directory-pass`, meta())).toBeNull();
      const [record] = await db().loginRecord.findMany({ where: { provider: untrusted.name } });
      expect(record).toMatchObject({ outcome: "failure", reason: expect.stringMatching(/^directory unavailable: .*certificate/) });

      const skipping = await providerRow((await ldapProvider("lookup", { ...tls(), insecureSkipVerify: true })).name);
      expect(await testConnection(skipping)).toMatchObject({ ok: true });
    });

  it("tests a configuration before it is saved, the stored secret standing in for an omitted one only at the stored destination", async () => {
    const saved = await providerRow((await ldapProvider()).name);
    const admin = await makeUser("platform-admin");
    const { token } = await createToken(admin.id, { name: "settings" });
    const draft = (name: string, body: Record<string, unknown>) =>
      testRoute(new Request(`http://localhost/api/v1/identity-providers/${name}/test`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) }), { params: Promise.resolve({ name }) });
    expect(await (await draft(saved.name, { type: "ldap", config: saved.config, name: saved.name })).json()).toMatchObject({ ok: true });
    const body = { type: "ldap", config: { ...(saved.config as object), url: ldap.ldapsUrl, caCert: ldap.caCert } };
    expect(await (await draft(saved.name, { ...body, name: saved.name, secret: LDAP_ADMIN_PASSWORD })).json()).toMatchObject({ ok: true });
    const unsaved = uniqueName("draft");
    expect(await (await draft(unsaved, { ...body, name: unsaved })).json()).toMatchObject({ ok: false });
    expect(await (await draft(unsaved, { ...body, name: unsaved, secret: LDAP_ADMIN_PASSWORD })).json()).toMatchObject({ ok: true });
    expect((await draft(unsaved, { ...body, name: saved.name })).status).toBe(422);
  });

  it("a test connection with a wrong service password fails with a message", async () => {
    const p = await providerRow((await ldapProvider()).name);
    await db().identityProvider.update({ where: { id: p.id }, data: { secret: null } });
    const bad = await db().identityProvider.update({ where: { id: p.id }, data: { config: { ...(p.config as object), bindDn: `cn=nobody,${LDAP_SUFFIX}` } } });
    expect(await testConnection(bad)).toMatchObject({ ok: false });
  });
});
