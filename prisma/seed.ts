// Seed data: the platform admin, the clusters the launcher brings, and (for the demo) a workspace
// with users for every role. Idempotent: what already exists is left alone.
import { randomBytes } from "node:crypto";
import { db } from "../lib/db/client";
import { ensureInitialAdmin } from "../lib/setup/initial-admin";
import { hashPassword } from "../lib/auth/password";
import { seal } from "../lib/crypto/seal";

export interface SeedCluster {
  name: string;
  displayName?: string;
  kubeconfig: string;
}

export interface SeedResult {
  /** Set only when the admin was created just now with a generated password: print it once. */
  generatedAdminPassword?: string;
  /** Set only when the demo users were created just now with a generated password. */
  demoPassword?: string;
}

const generatePassword = () => randomBytes(12).toString("base64url");

export const demoUsers = [
  { username: "alice", displayName: "Alice (workspace admin)", platformRole: "platform-regular", workspaceRole: "admin" },
  { username: "bob", displayName: "Bob (workspace viewer)", platformRole: "platform-regular", workspaceRole: "viewer" },
  { username: "carol", displayName: "Carol (project operator)", platformRole: "platform-regular", workspaceRole: "regular", projectRole: "operator" },
  { username: "dave", displayName: "Dave (self-provisioner)", platformRole: "platform-self-provisioner" },
] as const;

export async function seed(opts: { adminPassword?: string; demoPassword?: string; clusters: SeedCluster[]; demo: boolean }): Promise<SeedResult> {
  const result: SeedResult = {};
  const adminPassword = opts.adminPassword || generatePassword();
  if ((await ensureInitialAdmin(adminPassword)) && !opts.adminPassword) result.generatedAdminPassword = adminPassword;

  // The launcher's clusters are re-registered on every start: a simulator's address and token change.
  for (const c of opts.clusters) {
    const credentials = seal(c.kubeconfig);
    await db().cluster.upsert({
      where: { name: c.name },
      create: { name: c.name, displayName: c.displayName, credentials },
      update: { credentials },
    });
  }

  if (opts.demo && !(await db().workspace.findUnique({ where: { name: "demo" } })) && opts.clusters.length) {
    const password = opts.demoPassword || generatePassword();
    if (!opts.demoPassword) result.demoPassword = password;
    await seedDemo(password, opts.clusters.map((c) => c.name));
  }
  return result;
}

async function seedDemo(password: string, clusterNames: string[]) {
  const passwordHash = await hashPassword(password);
  const clusters = await db().cluster.findMany({ where: { name: { in: clusterNames } } });
  const admin = await db().user.findUniqueOrThrow({ where: { username: "admin" } });
  const users = await Promise.all(
    demoUsers.map((u) =>
      db().user.upsert({
        where: { username: u.username },
        create: { username: u.username, displayName: u.displayName, platformRole: u.platformRole, passwordHash },
        update: {},
      }),
    ),
  );
  const ws = await db().workspace.create({
    data: {
      name: "demo",
      displayName: "Demo workspace",
      description: "Seeded by the demo: one workspace on every cluster.",
      createdBy: admin.username,
      clusters: { create: clusters.map((c) => ({ clusterId: c.id })) },
      members: {
        create: demoUsers.flatMap((u, i) => ("workspaceRole" in u ? [{ userId: users[i]!.id, role: u.workspaceRole }] : [])),
      },
    },
  });
  await db().project.create({
    data: {
      name: "demo-web",
      displayName: "Demo web shop",
      workspaceId: ws.id,
      clusterId: clusters[0]!.id,
      createdBy: admin.username,
      members: {
        create: demoUsers.flatMap((u, i) => ("projectRole" in u ? [{ userId: users[i]!.id, role: u.projectRole }] : [])),
      },
    },
  });
}
