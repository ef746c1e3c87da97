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
  /** When the caller's own memberships there end: null never, absent where they are not a member. */
  expiresAt: { workspace?: string | null; project?: string | null };
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
  auditTokenIssuedAt: string | null;
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
  request?: unknown;
}

export interface AuditHistogram {
  from: string;
  to: string;
  interval: string;
  buckets: { start: string; count: number; denied: number; failed: number }[];
}

export interface AuditTokenIssued {
  cluster: string;
  token: string;
  webhookUrl: string;
  kubeconfig: string;
  /** What to save on the control plane: path, the kube-apiserver flag naming it, content. */
  files: { path: string; flag: string; content: string }[];
  issuedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type RoleLevel = "platform" | "workspace" | "project";

export interface Template {
  name: string;
  level: RoleLevel;
  module: string;
  description: { en: string; zh: string };
  dependsOn: string[];
}

export interface Role {
  name: string;
  level: RoleLevel;
  displayName: string | null;
  description: string | null;
  builtIn: boolean;
  templates: string[];
  memberCount: number;
}

export interface Member {
  username: string;
  displayName: string | null;
  email: string | null;
  role: string;
  since: string;
  /** When the membership ends by itself; null: never. */
  expiresAt: string | null;
}

/** A membership that ends by itself; `endsSoon` within the console's warning time. */
export interface ExpiringMember {
  workspace: string;
  project: string | null;
  username: string;
  displayName: string | null;
  role: string;
  expiresAt: string;
  endsSoon: boolean;
}

export type UserStatus = "active" | "disabled";

export interface User {
  username: string;
  displayName: string | null;
  email: string | null;
  source: string;
  status: UserStatus;
  platformRole: string;
  mustChangePassword: boolean;
  /** Set while the account is locked after failed sign-ins. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  workspaceCount: number;
}

export interface AccessSubject {
  username: string;
  displayName: string | null;
  level: RoleLevel;
  role: string;
}

export interface AccessReview {
  action: string;
  subjects: AccessSubject[];
}

// Quotas and network isolation (lib/tenancy/quotas.ts, lib/tenancy/network.ts).
export type ResourceMap = Record<string, string>;

export interface WorkspaceQuota {
  cluster: string;
  hard: ResourceMap | null;
  defaultProject: { hard: ResourceMap } | null;
  allocated: ResourceMap;
  used: ResourceMap | null;
  usageError: string | null;
  projects: { name: string; hard: ResourceMap; used: ResourceMap | null }[];
}

/** One key of a project's quota in effect before and after a pool change (null: no limit). */
export interface QuotaChange { key: string; before: string | null; after: string | null }

/** A saved (or dry-run) pool: which projects' quotas in effect it changes, and how. */
export interface WorkspaceQuotaSaved extends WorkspaceQuota {
  dryRun: boolean;
  changedProjects: { project: string; changes: QuotaChange[] }[];
}

/** Where a value in effect comes from: set here, or inherited (lib/kube/quota.ts, lib/kube/limits.ts). */
export type QuotaSource = "project" | "workspace-default" | "pool" | "built-in";
export type LimitSource = "project" | "automatic" | "derived";

export interface ProjectQuota {
  hard: ResourceMap;
  effective: ResourceMap;
  sources: Record<string, QuotaSource>;
  pool: ResourceMap | null;
  /** Per pooled key, the most this project's quota may be (the pool less what other projects hold). */
  headroom: ResourceMap | null;
  used: ResourceMap | null;
  usageError: string | null;
  /** The ResourceQuota the cluster gets, as YAML. */
  yaml: string;
}

export interface ContainerLimits {
  default?: ResourceMap;
  defaultRequest?: ResourceMap;
  max?: ResourceMap;
  min?: ResourceMap;
}

export interface ProjectLimits {
  limits: ContainerLimits;
  effective: ContainerLimits | null;
  sources: Partial<Record<keyof ContainerLimits, Record<string, LimitSource>>>;
  /** The LimitRange the cluster gets, as YAML; null when none. */
  yaml: string | null;
}

export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

export interface AllowEntry {
  project?: string;
  workspace?: string;
  cidr?: string;
  except?: string[];
  ports?: { port: number | string; protocol?: "TCP" | "UDP" | "SCTP" }[];
}

export interface ProjectNetwork {
  isolated: boolean;
  allow: AllowEntry[];
  egress?: { isolated: boolean; allow: AllowEntry[] };
  workspaceIsolated: boolean;
  yaml: string;
}

export type ReachState = "allowed" | "partial" | "denied";
export interface ReachSide {
  state: ReachState;
  ports?: string[];
  policies: string[];
}
export interface Reach extends ReachSide {
  egress: ReachSide;
  ingress: ReachSide;
}
export interface ConnectivityMatrix {
  cluster: string;
  nodes: string[];
  cells: Record<string, Record<string, Reach>>;
}

// Identity: the caller's own sessions, tokens and login records; identity providers.
export interface LoginRecord {
  id: string;
  username: string;
  provider: string;
  outcome: "success" | "failure";
  reason: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  createdAt: string;
}

export interface SessionInfo {
  id: string;
  provider: string;
  sourceIp: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface IdentityProviderInfo {
  id: string;
  name: string;
  type: "oidc" | "ldap";
  displayName: string | null;
  enabled: boolean;
  mappingMethod: "auto" | "lookup";
  config: Record<string, string | boolean>;
  hasSecret: boolean;
}

export interface GroupBindingInfo {
  id: string;
  group: string;
  workspace: string;
  project: string;
  role: string;
  expiresAt: string | null;
}
