// Local accounts: password policy, forced change, lockout and its reset, per-IP rate limit, login
// records, server-side sessions and personal access tokens, down to the route wrapper.
import { afterEach, describe, expect, it } from "vitest";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { createUser, updateUser } from "@/lib/tenancy/users";
import { hashPassword } from "@/lib/auth/password";
import { signInLocal } from "@/lib/auth/local";
import { localProvider } from "@/lib/auth/options";
import { PEER_HEADER } from "@/lib/api/client-info";
import { unlockUser } from "@/lib/identity/lockout";
import { changeOwnPassword } from "@/lib/identity/accounts";
import { listLoginRecords } from "@/lib/identity/login-records";
import { isLive, liveSession, listSessions, openSession, revokeSession } from "@/lib/identity/sessions";
import { createToken, deleteToken } from "@/lib/identity/tokens";
import { cleanIdentityTables } from "@/lib/identity/housekeeping";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listWorkspaces } from "@/app/api/v1/workspaces/route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

const PASSWORD = "a-long-enough-passphrase";
const meta = (ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ sourceIp: ip, userAgent: "vitest" });

async function localUser(opts: { mustChangePassword?: boolean } = {}) {
  const u = await makeUser();
  return db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword(PASSWORD), mustChangePassword: opts.mustChangePassword ?? false } });
}

const call = (handler: typeof getMe, path: string, token: string) =>
  handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

afterEach(() => {
  delete process.env.TENANTRY_SIGNIN_RATE_LIMIT;
  delete process.env.TENANTRY_TRUSTED_PROXIES;
});

describe("password policy", () => {
  it("refuses short, common and username-containing passwords wherever a password is set", async () => {
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const username = uniqueName("pp");
    for (const password of ["Password1234", `xx-${username}-xx-long`]) {
      await expect(createUser(admin, { username, password, platformRole: "platform-regular", mustChangePassword: true })).rejects.toMatchObject({ status: 422, code: "invalid" });
    }
    const u = await localUser();
    await expect(updateUser(admin, u.username, { password: "qwertyuiop123" })).rejects.toMatchObject({ status: 422 });
    await expect(changeOwnPassword(u, PASSWORD, "iloveyou1234", null)).rejects.toMatchObject({ status: 422 });
    await expect(changeOwnPassword(u, "wrong-current-password", "a-fresh-passphrase-2", null)).rejects.toMatchObject({ status: 422 });
  });

  it("a changed password ends the other sessions and clears the forced change", async () => {
    const u = await localUser({ mustChangePassword: true });
    const [mine, other] = [await openSession(u.id, "local", meta()), await openSession(u.id, "local", meta())];
    await changeOwnPassword(u, PASSWORD, "a-fresh-passphrase-2", mine.id);
    expect(await liveSession(mine.id)).not.toBeNull();
    expect(await liveSession(other.id)).toBeNull();
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.passwordChangedAt).not.toBeNull();
    expect(await signInLocal(u.username, "a-fresh-passphrase-2", meta())).not.toBeNull();
  });

  it("an admin reset forces a change and ends all sessions", async () => {
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const u = await localUser();
    const s = await openSession(u.id, "local", meta());
    await updateUser(admin, u.username, { password: "reset-by-the-admin-9" });
    expect(await liveSession(s.id)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(true);
  });
});

describe("brute force", () => {
  it("locks after 5 failures, refuses even the right password, and an admin unlock resets it", async () => {
    const u = await localUser();
    for (let i = 0; i < 5; i++) expect(await signInLocal(u.username, "wrong-password-guess", meta())).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(await signInLocal(u.username, PASSWORD, meta())).toBeNull();
    const records = (await listLoginRecords(u.id, { limit: 10 })).items;
    expect(records[0]).toMatchObject({ outcome: "failure", reason: "account locked", provider: "local" });
    expect(records.filter((r) => r.reason === "invalid username or password")).toHaveLength(5);
    expect(await db().auditEvent.count({ where: { action: "user.lock", name: u.username } })).toBe(1);
    expect(await unlockUser(u.username)).toEqual({ username: u.username, wasLocked: true });
    expect(await signInLocal(u.username, PASSWORD, meta())).not.toBeNull();
  });

  it("counts failures only within the window and a success starts afresh", async () => {
    const u = await localUser();
    for (let i = 0; i < 4; i++) await signInLocal(u.username, "wrong-password-guess", meta());
    expect(await signInLocal(u.username, PASSWORD, meta())).not.toBeNull();
    for (let i = 0; i < 4; i++) await signInLocal(u.username, "wrong-password-guess", meta());
    await db().user.update({ where: { id: u.id }, data: { failedLoginsSince: new Date(Date.now() - 31 * 60_000) } });
    await signInLocal(u.username, "wrong-password-guess", meta());
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).toBeNull();
  });

  it("rate-limits sign-in attempts per source IP", async () => {
    process.env.TENANTRY_SIGNIN_RATE_LIMIT = "3";
    const u = await localUser();
    const ip = meta().sourceIp;
    for (let i = 0; i < 3; i++) expect(await signInLocal(u.username, PASSWORD, meta(ip))).not.toBeNull();
    expect(await signInLocal(u.username, PASSWORD, meta(ip))).toBeNull();
    expect(await signInLocal(u.username, PASSWORD, meta())).not.toBeNull();
    expect((await listLoginRecords(u.id, { limit: 1 })).items[0]).toMatchObject({ outcome: "success" });
  });
});

describe("client address", () => {
  // The console's credentials sign-in as next-auth calls it, with the headers the console's server passes on.
  const signInWith = (username: string, headers: Record<string, string>) =>
    localProvider.options.authorize({ username, password: PASSWORD }, { headers } as never) as Promise<unknown>;
  const sourceIps = async (username: string) => (await db().loginRecord.findMany({ where: { username }, orderBy: { createdAt: "asc" } })).map((r) => r.sourceIp);

  it("a forged X-Forwarded-For neither evades the per-IP limit nor shows in login records", async () => {
    process.env.TENANTRY_SIGNIN_RATE_LIMIT = "3";
    const u = await localUser();
    const peer = meta().sourceIp;
    for (let i = 0; i < 3; i++) expect(await signInWith(u.username, { [PEER_HEADER]: peer, "x-forwarded-for": `198.51.100.${i}` })).not.toBeNull();
    expect(await signInWith(u.username, { [PEER_HEADER]: peer, "x-forwarded-for": "198.51.100.99" })).toBeNull();
    expect(await sourceIps(u.username)).toEqual([peer, peer, peer, peer]);
  });

  it("is read from X-Forwarded-For when a trusted proxy sends it", async () => {
    process.env.TENANTRY_SIGNIN_RATE_LIMIT = "3";
    const proxy = meta().sourceIp;
    process.env.TENANTRY_TRUSTED_PROXIES = `192.0.2.0/24,${proxy}`;
    const u = await localUser();
    const clients = ["198.51.100.21", "198.51.100.22", "198.51.100.23", "198.51.100.24"];
    for (const ip of clients) expect(await signInWith(u.username, { [PEER_HEADER]: proxy, "x-forwarded-for": `${ip}, 192.0.2.10` })).not.toBeNull();
    expect(await sourceIps(u.username)).toEqual(clients);
  });
});

describe("sessions", () => {
  it("time out when idle or past their lifetime, and can be revoked", async () => {
    const u = await localUser();
    const s = await openSession(u.id, "local", meta());
    expect(isLive({ ...s, lastSeenAt: new Date(Date.now() - 31 * 60_000) })).toBe(false);
    expect(isLive({ ...s, expiresAt: new Date(Date.now() - 1) })).toBe(false);
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(12 * 3600_000);
    expect((await listSessions(u.id, s.id)).map((x) => [x.id, x.current])).toEqual([[s.id, true]]);
    await revokeSession(u.id, s.id);
    expect(await liveSession(s.id)).toBeNull();
    await expect(revokeSession(u.id, s.id)).rejects.toMatchObject({ status: 404 });
  });

  it("end when the user is disabled", async () => {
    const admin = await principalOf((await makeUser("platform-admin")).username);
    const u = await localUser();
    const s = await openSession(u.id, "local", meta());
    await updateUser(admin, u.username, { status: "disabled" });
    expect(await liveSession(s.id)).toBeNull();
  });
});

describe("housekeeping", () => {
  it("deletes ended sessions, spent rate-limit counters and expired login records in bulk, and keeps live ones", async () => {
    const u = await localUser();
    const ago = (ms: number) => new Date(Date.now() - ms);
    const open = async (data: Prisma.SessionUpdateInput = {}) => db().session.update({ where: { id: (await openSession(u.id, "local", meta())).id }, data });
    const [live, revoked, expired, idle] = [await open(), await open({ revokedAt: new Date() }), await open({ expiresAt: ago(1) }), await open({ lastSeenAt: ago(31 * 60_000) })];
    const [fresh, spent] = [uniqueName("rl"), uniqueName("rl")];
    await db().rateLimit.createMany({ data: [{ key: fresh, windowStart: new Date(), count: 1 }, { key: spent, windowStart: ago(61_000), count: 9 }] });
    const day = 86_400_000;
    await db().loginRecord.createMany({
      data: [{ createdAt: ago(89 * day), reason: "recent" }, { createdAt: ago(91 * day), reason: "expired" }].map((r) => ({ ...r, userId: u.id, username: u.username, provider: "local", outcome: "failure" })),
    });

    const removed = await cleanIdentityTables();
    expect(removed.sessions).toBeGreaterThanOrEqual(3);
    expect((await db().session.findMany({ where: { id: { in: [live, revoked, expired, idle].map((s) => s.id) } } })).map((s) => s.id)).toEqual([live.id]);
    expect((await db().rateLimit.findMany({ where: { key: { in: [fresh, spent] } } })).map((r) => r.key)).toEqual([fresh]);
    expect((await db().loginRecord.findMany({ where: { userId: u.id } })).map((r) => r.reason)).toEqual(["recent"]); // 90 days by default
  });
});

describe("personal access tokens", () => {
  it("authenticate as their owner until revoked, and stop when the owner is disabled", async () => {
    const u = await localUser();
    const t = await createToken(u.id, { name: "ci", expiresInDays: 7 });
    expect(t.token).toMatch(/^tnt_/);
    expect(JSON.stringify(await db().apiToken.findUniqueOrThrow({ where: { id: t.id } }))).not.toContain(t.token);
    const me = await call(getMe, "/api/v1/me", t.token);
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe(u.username);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).not.toBeNull();
    await deleteToken(u.id, t.id);
    expect((await call(getMe, "/api/v1/me", t.token)).status).toBe(401);

    const t2 = await createToken(u.id, { name: "other" });
    await db().user.update({ where: { id: u.id }, data: { status: "disabled" } });
    expect((await call(getMe, "/api/v1/me", t2.token)).status).toBe(401);
  });

  it("expired tokens and unknown ones are refused", async () => {
    const u = await localUser();
    const t = await createToken(u.id, { name: "short", expiresInDays: 1 });
    await db().apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(getMe, "/api/v1/me", t.token)).status).toBe(401);
    expect((await call(getMe, "/api/v1/me", "tnt_not-a-token")).status).toBe(401);
  });

  it("a user who must change their password gets 403 everywhere but GET /me", async () => {
    const u = await localUser({ mustChangePassword: true });
    const t = await createToken(u.id, { name: "pending" });
    expect((await call(getMe, "/api/v1/me", t.token)).status).toBe(200);
    const res = await call(listWorkspaces as typeof getMe, "/api/v1/workspaces", t.token);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("password_change_required");
  });
});
