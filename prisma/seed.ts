// Seed data: the platform admin, the clusters the launcher brings, and (for the demo) a workspace
// with users for every role. Idempotent: what already exists is left alone.
import { randomBytes } from "node:crypto";
import { db } from "../lib/db/client";
import { ensureInitialAdmin } from "../lib/setup/initial-admin";
import { hashPassword } from "../lib/auth/password";
import { seal } from "../lib/crypto/seal";
import { record, type AuditInput } from "../lib/audit/record";

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
  const project = await db().project.create({
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
  await seedAuditHistory(clusters[0]!.name, ws.name, project.name);
}

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const KUBECTL = "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd";

/**
 * A few days of what the demo would have seen — its setting up, sign-ins, a refused attempt or two — so the
 * dashboards and the audit search have something to show on a first start. Written through record(), the one
 * audit path, so the chains verify like any others.
 */
async function seedAuditHistory(cluster: string, workspace: string, project: string) {
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
  const at = (h: number, e: Omit<AuditInput, "receivedAt" | "outcome" | "statusCode"> & Partial<AuditInput>): AuditInput => ({
    outcome: "success",
    statusCode: 200,
    sourceIp: "10.20.0.15",
    userAgent: BROWSER,
    ...e,
    receivedAt: hoursAgo(h),
  });
  const history: AuditInput[] = [
    at(140, { action: "login", verb: "create", resource: "sessions", username: "admin", request: { provider: "local" } }),
    at(139.9, { action: "workspace.create", verb: "create", resource: "workspaces", username: "admin", name: workspace, workspace, statusCode: 201 }),
    ...["alice", "bob", "carol"].map((u, i) => at(139.8 - i / 100, { action: "workspace-member.create", verb: "create", resource: "members", username: "admin", name: u, workspace, statusCode: 201 })),
    at(120, { action: "login", verb: "create", resource: "sessions", username: "alice", sourceIp: "10.20.0.31", request: { provider: "local" } }),
    at(119.9, { action: "project.create", verb: "create", resource: "projects", username: "alice", name: project, workspace, cluster, sourceIp: "10.20.0.31", statusCode: 201 }),
    at(119.8, { action: "project-member.create", verb: "create", resource: "members", username: "alice", name: "carol", workspace, project, sourceIp: "10.20.0.31", statusCode: 201 }),
    at(96, { action: "login", verb: "create", resource: "sessions", username: "mallory", outcome: "denied", statusCode: 401, reason: "unknown user", sourceIp: "203.0.113.9", request: { provider: "local" } }),
    at(72, { action: "login", verb: "create", resource: "sessions", username: "carol", sourceIp: "10.20.0.44", request: { provider: "local" } }),
    at(71.5, { action: "k8s.pods.list", verb: "list", resource: "pods", source: "kubernetes", username: "tenantry:carol", namespace: project, workspace, project, cluster, sourceIp: "10.20.0.44", userAgent: KUBECTL }),
    at(48, { action: "login", verb: "create", resource: "sessions", username: "bob", sourceIp: "10.20.0.52", request: { provider: "local" } }),
    at(47.9, { action: "project.delete", verb: "delete", resource: "projects", username: "bob", name: project, workspace, project, outcome: "denied", statusCode: 403, reason: `workspace role "viewer" does not grant projects.manage`, sourceIp: "10.20.0.52" }),
    at(47.8, { action: "workspace-member.update", verb: "patch", resource: "members", username: "bob", name: "bob", workspace, outcome: "denied", statusCode: 403, reason: `workspace role "viewer" does not grant members.manage`, sourceIp: "10.20.0.52" }),
    at(24, { action: "login", verb: "create", resource: "sessions", username: "alice", sourceIp: "10.20.0.31", request: { provider: "local" } }),
    at(23.9, { action: "project.quota.update", verb: "update", resource: "resourcequotas", username: "alice", name: "tenantry-quota", namespace: project, workspace, project, sourceIp: "10.20.0.31" }),
    at(2, { action: "login", verb: "create", resource: "sessions", username: "carol", sourceIp: "10.20.0.44", request: { provider: "local" } }),
  ];
  for (const e of history) await record(e);
}
