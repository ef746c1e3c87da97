// The shapes the BFF returns (DESIGN §6), as the browser sees them: dates are ISO strings.

export type ClusterHealth = "unknown" | "ready" | "down";
export type ProjectStatus = "pending" | "ready" | "error" | "terminating";
export type AuditOutcome = "success" | "denied" | "failure";

export interface Me {
  username: string;
  displayName: string | null;
  email: string | null;
  platformRole: string;
  mustChangePassword: boolean;
  permissions: string[];
}

export interface ScopePermissions {
  scope: { workspace?: string; project?: string };
  permissions: string[];
}

export interface Cluster {
  name: string;
  displayName: string | null;
  labels: Record<string, string>;
  health: ClusterHealth;
  version: string | null;
  nodeCount: number | null;
  latencyMs: number | null;
  lastError: string | null;
  lastCheckedAt: string | null;
  createdAt: string;
  workspaceCount: number;
  projectCount: number;
}

export interface ClusterDetail extends Cluster {
  workspaces: { name: string; displayName: string | null; projects: { name: string; status: ProjectStatus }[] }[];
}

export interface Workspace {
  name: string;
  displayName: string | null;
  description: string | null;
  networkIsolated: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  clusters: string[];
  projectCount: number;
  memberCount: number;
}

export interface Project {
  name: string;
  namespace: string;
  displayName: string | null;
  description: string | null;
  status: ProjectStatus;
  statusMessage: string | null;
  podSecurity: string;
  cluster: string;
  workspace: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  memberCount: number;
}

export interface AuditEvent {
  seq: string;
  auditId: string;
  source: string;
  action: string | null;
  verb: string;
  username: string | null;
  resource: string | null;
  namespace: string | null;
  name: string | null;
  apiGroup: string | null;
  cluster: string | null;
  workspace: string | null;
  project: string | null;
  outcome: AuditOutcome;
  statusCode: number | null;
  reason: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  receivedAt: string;
  completedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
