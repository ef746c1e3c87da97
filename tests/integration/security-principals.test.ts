// Security issue #13, items 2, 3, 4 and 6, through the API as a caller meets it (route wrapper, bearer
// tokens, audit) with a real OpenLDAP: acting on a principal is bounded by what the actor covers, identity
// providers sign in only the users linked to them, stored secrets stay with their destination, and
// credentials end with the reason they were trusted.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { signInLocal } from "@/lib/auth/local";
import { registerCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { createRole } from "@/lib/tenancy/roles";
import { resolveScope } from "@/lib/tenancy/scope";
import { createProvider, deleteProvider, draftSettings, providerRow } from "@/lib/identity/providers";
import { mapExternalUser } from "@/lib/identity/external";
import { createBinding } from "@/lib/identity/group-bindings";
import { OIDC_PREFIX, oidcSignIn } from "@/lib/auth/providers";
import { signInLdap } from "@/lib/identity/ldap";
import { liveSession, openSession } from "@/lib/identity/sessions";
import { createToken } from "@/lib/identity/tokens";
import { PATCH as patchUser, DELETE as deleteUserRoute } from "@/app/api/v1/users/[username]/route";
import { POST as unlockRoute } from "@/app/api/v1/users/[username]/unlock/route";
import { DELETE as endSessionsRoute } from "@/app/api/v1/users/[username]/sessions/route";
import { PATCH as patchWsMember, DELETE as deleteWsMember } from "@/app/api/v1/workspaces/[ws]/members/[username]/route";
import { DELETE as deleteProjectMember } from "@/app/api/v1/workspaces/[ws]/projects/[project]/members/[username]/route";
import { POST as createProviderRoute } from "@/app/api/v1/identity-providers/route";
import { PUT as putProviderRoute, DELETE as deleteProviderRoute } from "@/app/api/v1/identity-providers/[name]/route";
import { POST as testProviderRoute } from "@/app/api/v1/identity-providers/[name]/test/route";
import { POST as createBindingRoute } from "@/app/api/v1/identity-providers/[name]/bindings/route";
import { DELETE as deleteBindingRoute } from "@/app/api/v1/identity-providers/[name]/bindings/[id]/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import type { ProviderBody } from "@/lib/schemas/identity";
import { startLdap, LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD, LDAP_SUFFIX, type TestLdap } from "../support/ldap";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

const PASSWORD = "a-long-enough-passphrase";
const meta = () => ({ sourceIp: `10.13.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** One API call as `token`'s owner. */
async function call(handler: Handler, method: string, path: string, params: Record<string, string>, token: string, body?: unknown) {
  const res = await handler(
    new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const tokenOf = async (u: User) => (await createToken(u.id, { name: uniqueName("t") })).token;
const me = async (token: string) => (await call(getMe as Handler, "GET", "/api/v1/me", {}, token)).status;

async function localUser(platformRole = "platform-regular", username = uniqueName("user")) {
  const u = await makeUser(platformRole, username);
  return db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

/** A custom platform role made by a platform admin. */
async function platformRole(templates: string[]) {
  const name = uniqueName("role");
  await createRole(await resolveScope({}), await principalOf(root.username), { name, templates });
  return name;
}

/** The newest audit event of `action` about `name`. */
const lastEvent = (action: string, name: string) => db().auditEvent.findFirst({ where: { action, name }, orderBy: { receivedAt: "desc" } });

let sim: Simulator;
let ldap: TestLdap;
let cluster: string;
let root: User;
/** A local platform admin whose name a rogue directory also has. */
let boss: User;
const BOSS_UID = uniqueName("boss");

beforeAll(async () => {
  sim = await startSimulator({ name: "sec-sim" });
  cluster = uniqueName("c");
  await registerCluster({ name: cluster, kubeconfig: sim.kubeconfig() });
  root = await localUser("platform-admin");
  boss = await localUser("platform-admin", BOSS_UID);
  ldap = await startLdap([
    { uid: BOSS_UID, password: "rogue-directory-pass", name: "Not the boss", groups: [] },
    { uid: "nina", password: "nina-directory-pass", name: "Nina", groups: [] },
    { uid: "omar", password: "omar-directory-pass", name: "Omar", groups: [] },
  ]);
});
afterAll(async () => {
  await ldap?.stop();
  await sim?.stop();
});

const ldapBody = (name: string, mappingMethod: "auto" | "lookup" = "auto"): ProviderBody => ({
  name,
  type: "ldap",
  enabled: true,
  mappingMethod,
  secret: LDAP_ADMIN_PASSWORD,
  config: {
    url: ldap.url, startTls: false, insecureSkipVerify: false, caCert: "", bindDn: LDAP_ADMIN_DN, userBase: `ou=people,${LDAP_SUFFIX}`, userFilter: "(uid={username})",
    usernameAttribute: "uid", emailAttribute: "mail", nameAttribute: "cn", groupBase: "", groupFilter: "(member={dn})", groupNameAttribute: "cn",
  },
});
const ldapProvider = async (mappingMethod: "auto" | "lookup" = "auto") => providerRow((await createProvider(ldapBody(uniqueName("ldap"), mappingMethod))).name);

describe("managing users is bounded by the Covers rule", () => {
  it("a users.manage holder cannot reset, disable, re-role, unlock, sign out or delete a platform admin (403, audited as denied)", async () => {
    const manager = await makeUser(await platformRole(["users.manage"]));
    const token = await tokenOf(manager);
    const admin = await localUser("platform-admin");
    const at = { username: admin.username };
    const path = `/api/v1/users/${admin.username}`;
    for (const [handler, method, suffix, body] of [
      [patchUser, "PATCH", "", { password: "taken-over-by-manager-1", mustChangePassword: false }],
      [patchUser, "PATCH", "", { status: "disabled" }],
      [patchUser, "PATCH", "", { displayName: "pwned" }],
      [unlockRoute, "POST", "/unlock", undefined],
      [endSessionsRoute, "DELETE", "/sessions", undefined],
      [deleteUserRoute, "DELETE", "", undefined],
    ] as const) {
      const res = await call(handler as Handler, method, path + suffix, at, token, body);
      expect(res, `${method} ${suffix}`).toMatchObject({ status: 403, body: { code: "not_covered", detail: expect.stringMatching(/^You cannot act on user "[-\w]+", which holds permissions you do not: platform role "platform-admin" \(.*clusters\.manage.*\)\.$/) } });
    }
    expect(await signInLocal(admin.username, PASSWORD, meta())).toMatchObject({ id: admin.id, status: "active", displayName: null });
    expect(await lastEvent("user.update", admin.username)).toMatchObject({ outcome: "denied", statusCode: 403 });
    expect(await lastEvent("user.delete", admin.username)).toMatchObject({ outcome: "denied", statusCode: 403 });

    // Someone they cover, they manage.
    const regular = await localUser();
    expect((await call(patchUser as Handler, "PATCH", `/api/v1/users/${regular.username}`, { username: regular.username }, token, { displayName: "Reg" })).status).toBe(200);
  });

  it("a users.manage holder cannot touch a workspace admin, whose workspace rights it does not hold", async () => {
    const token = await tokenOf(await makeUser(await platformRole(["users.manage"])));
    const wsAdmin = await localUser();
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, wsAdmin);
    const res = await call(patchUser as Handler, "PATCH", `/api/v1/users/${wsAdmin.username}`, { username: wsAdmin.username }, token, { password: "taken-over-by-manager-2" });
    expect(res).toMatchObject({ status: 403, body: { code: "not_covered", detail: expect.stringContaining(`workspace "${ws.name}" role "admin"`) } });
    expect(await signInLocal(wsAdmin.username, PASSWORD, meta())).not.toBeNull();
  });

  it("a workspace member-manager cannot demote or remove the workspace admin, nor a member holding a project they do not cover", async () => {
    const owner = await localUser();
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    const ownerP = await principalOf(owner.username, { workspace: ws.name });
    const wsRef = await resolveScope({ workspace: ws.name });
    await createRole(wsRef, ownerP, { name: "member-manager", templates: ["workspace-members.manage", "workspace-settings.view"] });
    const mm = await makeUser();
    await addMember(wsRef, ownerP, { username: mm.username, role: "member-manager" });
    const token = await tokenOf(mm);
    const item = (u: string) => ({ path: `/api/v1/workspaces/${ws.name}/members/${u}`, params: { ws: ws.name, username: u } });

    const demote = await call(patchWsMember as Handler, "PATCH", item(owner.username).path, item(owner.username).params, token, { role: "regular" });
    expect(demote).toMatchObject({ status: 403, body: { code: "not_covered", detail: expect.stringContaining(`workspace "${ws.name}" role "admin"`) } });
    expect((await call(deleteWsMember as Handler, "DELETE", item(owner.username).path, item(owner.username).params, token)).status).toBe(403);
    expect(await db().workspaceMember.findFirst({ where: { userId: owner.id, workspace: { name: ws.name } } })).toMatchObject({ role: "admin" });
    expect(await lastEvent("workspace-member.delete", owner.username)).toMatchObject({ outcome: "denied" });

    // Leaving the workspace ends project memberships: a project admin there is not the manager's to remove.
    const project = await createProject(ws.name, { name: uniqueName("p"), cluster }, owner, await principalOf(owner.username, { workspace: ws.name }));
    const pAdmin = await makeUser();
    await addMember(wsRef, ownerP, { username: pAdmin.username, role: "regular" });
    await addMember(await resolveScope({ workspace: ws.name, project: project.name }), await principalOf(owner.username, { workspace: ws.name, project: project.name }), { username: pAdmin.username, role: "admin" });
    const removal = await call(deleteWsMember as Handler, "DELETE", item(pAdmin.username).path, item(pAdmin.username).params, token);
    expect(removal).toMatchObject({ status: 403, body: { detail: expect.stringContaining(`project "${ws.name}/${project.name}" role "admin"`) } });

    // A regular member the manager covers, it removes.
    const plain = await makeUser();
    await addMember(wsRef, ownerP, { username: plain.username, role: "regular" });
    expect((await call(deleteWsMember as Handler, "DELETE", item(plain.username).path, item(plain.username).params, token)).status).toBe(204);
  });

  it("a project member-manager cannot remove the project admin", async () => {
    const owner = await localUser();
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    const project = await createProject(ws.name, { name: uniqueName("p"), cluster }, owner, await principalOf(owner.username, { workspace: ws.name }));
    const wsRef = await resolveScope({ workspace: ws.name });
    const pRef = await resolveScope({ workspace: ws.name, project: project.name });
    const ownerP = await principalOf(owner.username, { workspace: ws.name, project: project.name });
    await createRole(pRef, ownerP, { name: "pm", templates: ["project-members.manage"] });
    const [pm, pAdmin] = [await makeUser(), await makeUser()];
    for (const [u, role] of [[pm, "pm"], [pAdmin, "admin"]] as const) {
      await addMember(wsRef, ownerP, { username: u.username, role: "regular" });
      await addMember(pRef, ownerP, { username: u.username, role });
    }
    const params = { ws: ws.name, project: project.name, username: pAdmin.username };
    const res = await call(deleteProjectMember as Handler, "DELETE", `/api/v1/workspaces/${ws.name}/projects/${project.name}/members/${pAdmin.username}`, params, await tokenOf(pm));
    expect(res).toMatchObject({ status: 403, body: { code: "not_covered" } });
    expect(await db().projectMember.count({ where: { userId: pAdmin.id, projectId: pRef.projectId } })).toBe(1);
  });
});

describe("identity providers cannot take over accounts", () => {
  it("a provider with lookup (or auto) mapping does not sign in as a local platform admin", async () => {
    for (const mapping of ["lookup", "auto"] as const) {
      const p = await ldapProvider(mapping);
      expect(await signInLdap(p, BOSS_UID, "rogue-directory-pass", meta())).toBeNull();
      const [rec] = await db().loginRecord.findMany({ where: { provider: p.name, username: BOSS_UID } });
      expect(rec).toMatchObject({ outcome: "failure", reason: `user "${BOSS_UID}" exists and is not linked to provider "${p.name}"` });
    }
    expect(await db().session.count({ where: { userId: boss.id } })).toBe(0);
  });

  it("a provider does not sign in another provider's user; an admin's explicit link lets it, pinned to one subject", async () => {
    const [a, b] = [await ldapProvider("auto"), await ldapProvider("lookup")];
    const nina = await signInLdap(a, "nina", "nina-directory-pass", meta());
    expect(nina).toMatchObject({ username: "nina", identityProviderId: a.id, externalId: `uid=nina,ou=people,${LDAP_SUFFIX}` });
    expect(await signInLdap(b, "nina", "nina-directory-pass", meta())).toBeNull();

    // An admin links a local account to the provider: from then on it signs them in, as that directory entry only.
    const linked = await localUser("platform-regular", "omar");
    const res = await call(patchUser as Handler, "PATCH", "/api/v1/users/omar", { username: "omar" }, await tokenOf(root), { identityProvider: b.name });
    expect(res).toMatchObject({ status: 200, body: { source: b.name } });
    expect(await signInLdap(b, "omar", "omar-directory-pass", meta())).toMatchObject({ id: linked.id, externalId: `uid=omar,ou=people,${LDAP_SUFFIX}` });
    expect((await mapExternalUser(b, { username: "omar", externalId: "uid=someone-else", groups: [] })).reason).toMatch(/linked to another identity/);
  });

  it("a deleted provider's users are not inherited by a new provider of the same name", async () => {
    const p = await ldapProvider("auto");
    const created = (await mapExternalUser(p, { username: uniqueName("orph"), externalId: "sub-1", groups: [] })).user!;
    await deleteProvider(p.name);
    const again = await providerRow((await createProvider({ ...ldapBody(p.name), mappingMethod: "lookup" })).name);
    expect((await mapExternalUser(again, { username: created.username, externalId: "sub-1", groups: [] })).reason).toMatch(/is not linked to/);
  });

  it("managing providers is platform-admin level: a settings.manage holder cannot add a directory", async () => {
    const token = await tokenOf(await makeUser(await platformRole(["settings.manage"])));
    const name = uniqueName("rogue");
    const res = await call(createProviderRoute as Handler, "POST", "/api/v1/identity-providers", {}, token, ldapBody(name, "lookup"));
    expect(res).toMatchObject({ status: 403, body: { code: "not_covered", detail: expect.stringMatching(/^Managing identity providers needs every platform permission/) } });
    expect(await db().identityProvider.count({ where: { name } })).toBe(0);
    expect(await lastEvent("identity-provider.create", name)).toMatchObject({ outcome: "denied" });
    expect((await call(createProviderRoute as Handler, "POST", "/api/v1/identity-providers", {}, await tokenOf(root), ldapBody(name, "lookup"))).status).toBe(201);
    // Pointing the saved one elsewhere, or removing it, is the same right.
    const at = { path: `/api/v1/identity-providers/${name}`, params: { name } };
    expect((await call(putProviderRoute as Handler, "PUT", at.path, at.params, token, ldapBody(name, "auto"))).status).toBe(403);
    expect((await call(deleteProviderRoute as Handler, "DELETE", at.path, at.params, token)).status).toBe(403);
    expect(await providerRow(name)).toMatchObject({ mappingMethod: "lookup" });
  });

  it("an OIDC sign-in as a local platform admin's name is refused, with the reason recorded", async () => {
    const p = await providerRow((await createProvider({ name: uniqueName("oidc"), type: "oidc", enabled: true, mappingMethod: "lookup", secret: "s", config: { issuer: "https://idp.example.test", clientId: "c", scopes: "openid", usernameClaim: "preferred_username", emailClaim: "email", nameClaim: "name", groupsClaim: "groups" } })).name);
    const user = { id: "sub-boss" };
    const ok = await oidcSignIn(user, { provider: OIDC_PREFIX + p.name, type: "oauth", providerAccountId: "sub-boss" }, { sub: "sub-boss", preferred_username: BOSS_UID }, meta());
    expect(ok).toBe(false);
    expect(user).toEqual({ id: "sub-boss" });
    const [rec] = await db().loginRecord.findMany({ where: { provider: p.name } });
    expect(rec).toMatchObject({ username: BOSS_UID, outcome: "failure", reason: expect.stringMatching(/is not linked to provider/) });
  });

  it("a group binding's role must be covered by the actor at the binding's scope", async () => {
    const p = await ldapProvider("auto");
    const owner = await localUser();
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner);
    const setter = await makeUser(await platformRole(["settings.manage"]));
    await addMember(await resolveScope({ workspace: ws.name }), await principalOf(owner.username, { workspace: ws.name }), { username: setter.username, role: "viewer" });
    const token = await tokenOf(setter);
    const bind = (role: string) => call(createBindingRoute as Handler, "POST", `/api/v1/identity-providers/${p.name}/bindings`, { name: p.name }, token, { group: "staff", workspace: ws.name, role });
    expect(await bind("admin")).toMatchObject({ status: 403, body: { code: "not_covered", detail: expect.stringContaining(`workspace "${ws.name}" role "admin"`) } });
    expect(await db().groupBinding.count({ where: { providerId: p.id } })).toBe(0);
    expect((await bind("viewer")).status).toBe(201);
    // Taking an admin binding away takes admin from its members: the same rule.
    const adminBinding = await createBinding(await principalOf(root.username), p.name, { group: "leads", workspace: ws.name, role: "admin" });
    const params = { name: p.name, id: adminBinding.id };
    expect((await call(deleteBindingRoute as Handler, "DELETE", `/api/v1/identity-providers/${p.name}/bindings/${adminBinding.id}`, params, token)).status).toBe(403);
    expect(await db().groupBinding.count({ where: { id: adminBinding.id } })).toBe(1);
  });
});

describe("stored secrets never leave for a new destination", () => {
  /** A TCP listener standing in for a rogue directory: it keeps every byte sent to it. */
  async function captor(): Promise<{ url: string; received: () => string; close: () => Promise<void> }> {
    let seen = Buffer.alloc(0);
    const server: Server = createServer((s) => s.on("data", (d) => (seen = Buffer.concat([seen, d])))).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as { port: number }).port;
    return { url: `ldap://127.0.0.1:${port}`, received: () => seen.toString("latin1"), close: () => new Promise((r) => server.close(() => r(undefined))) };
  }

  it("test connection against a changed host needs the secret in the request; the stored one is never sent there", async () => {
    const p = await ldapProvider();
    const rogue = await captor();
    try {
      const token = await tokenOf(root);
      const test = (body: unknown) => call(testProviderRoute as Handler, "POST", `/api/v1/identity-providers/${p.name}/test`, { name: p.name }, token, body);
      const moved = { ...ldapBody(p.name), secret: undefined, config: { ...ldapBody(p.name).config, url: rogue.url } };
      expect(await test(moved)).toMatchObject({ status: 422, body: { issues: [{ path: "secret" }] } });
      expect(rogue.received()).not.toContain(LDAP_ADMIN_PASSWORD);
      // A bind DN of the caller's choosing at the stored host is a new destination too.
      expect((await test({ ...moved, config: { ...moved.config, url: ldap.url, bindDn: `uid=nina,ou=people,${LDAP_SUFFIX}` } })).status).toBe(422);
      // The stored destination still tests with the stored secret.
      expect(await test({ ...ldapBody(p.name), secret: undefined })).toMatchObject({ status: 200, body: { ok: true } });
      // Saving a new destination without a secret is refused the same way.
      expect((await call(putProviderRoute as Handler, "PUT", `/api/v1/identity-providers/${p.name}`, { name: p.name }, token, moved)).status).toBe(422);
      expect(((await providerRow(p.name)).config as { url: string }).url).toBe(ldap.url);
    } finally {
      await rogue.close();
    }
  });

  it("an OIDC draft with another issuer or client id carries no stored client secret", async () => {
    const body: ProviderBody = { name: uniqueName("oidc"), type: "oidc", enabled: true, mappingMethod: "auto", secret: "stored-client-secret", config: { issuer: "https://idp.example.test", clientId: "console", scopes: "openid", usernameClaim: "preferred_username", emailClaim: "email", nameClaim: "name", groupsClaim: "groups" } };
    await createProvider(body);
    const omit = { ...body, secret: undefined };
    expect((await draftSettings(body.name, omit)).secret).not.toBeNull();
    expect((await draftSettings(body.name, { ...omit, config: { ...body.config, issuer: "https://rogue.example.test" } })).secret).toBeNull();
    expect((await draftSettings(body.name, { ...omit, config: { ...body.config, clientId: "other" } })).secret).toBeNull();
  });
});

describe("credentials die with the reason they were trusted", () => {
  async function withCredentials() {
    const u = await localUser();
    return { u, session: await openSession(u.id, "local", meta()), token: await tokenOf(u) };
  }
  const rootPatch = async (u: User, body: unknown) =>
    (await call(patchUser as Handler, "PATCH", `/api/v1/users/${u.username}`, { username: u.username }, await tokenOf(root), body)).status;

  it("a password reset ends the user's sessions and API tokens", async () => {
    const { u, session, token } = await withCredentials();
    expect(await me(token)).toBe(200);
    expect(await rootPatch(u, { password: "reset-by-the-admin-13" })).toBe(200);
    expect(await liveSession(session.id)).toBeNull();
    expect(await me(token)).toBe(401);
  });

  it("a disable ends them for good: re-enabling revives no old session or token", async () => {
    const { u, session, token } = await withCredentials();
    expect(await rootPatch(u, { status: "disabled" })).toBe(200);
    expect(await rootPatch(u, { status: "active" })).toBe(200);
    expect(await liveSession(session.id)).toBeNull();
    expect(await me(token)).toBe(401);
  });

  it("a platform-role change ends them", async () => {
    const { u, session, token } = await withCredentials();
    expect(await rootPatch(u, { platformRole: "platform-self-provisioner" })).toBe(200);
    expect(await liveSession(session.id)).toBeNull();
    expect(await me(token)).toBe(401);
  });

  it("a removal ends them, also for a user later created with the same name", async () => {
    const { u, token } = await withCredentials();
    const status = (await call(deleteUserRoute as Handler, "DELETE", `/api/v1/users/${u.username}`, { username: u.username }, await tokenOf(root))).status;
    expect(status).toBe(204);
    expect(await me(token)).toBe(401);
    await makeUser("platform-regular", u.username);
    expect(await me(token)).toBe(401);
  });
});
