// The first platform admin of an install without the demo launcher (TENANTRY_ADMIN_PASSWORD, lib/setup/initial-admin.ts):
// made once whatever the number of replicas starting together, and never reset from the environment afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { ensureInitialAdmin } from "@/lib/setup/initial-admin";

const removeAdmin = () => db().user.deleteMany({ where: { username: "admin" } });

describe("the initial admin", () => {
  beforeAll(removeAdmin);
  afterAll(removeAdmin);

  it("is not made without a password", async () => {
    expect(await ensureInitialAdmin(undefined)).toBe(false);
    expect(await db().user.count({ where: { username: "admin" } })).toBe(0);
  });

  it("is made once by replicas starting together, as a platform admin with that password", async () => {
    const made = await Promise.all([1, 2, 3].map(() => ensureInitialAdmin("first-sign-in-9")));
    expect(made.filter(Boolean)).toHaveLength(1);
    const admin = await db().user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(admin.platformRole).toBe("platform-admin");
    expect(await verifyPassword(admin.passwordHash, "first-sign-in-9")).toBe(true);
  });

  it("keeps its password when the environment names another later", async () => {
    expect(await ensureInitialAdmin("another-password-7")).toBe(false);
    const admin = await db().user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(await verifyPassword(admin.passwordHash, "first-sign-in-9")).toBe(true);
  });
});
