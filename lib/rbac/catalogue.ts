// The permission catalogue: every template (module × view/manage at one level) and the built-in
// roles composed of them. Roles, role editor, authorize() and escalation checks all read this.

export type Level = "platform" | "workspace" | "project";

export interface Template {
  name: string;
  level: Level;
  module: string;
  description: { en: string; zh: string };
  /** Templates this one needs to be useful (manage ⇒ view and the like). */
  dependsOn: string[];
}

// Generic so each name is a literal type: PermissionName below, which the console's guards are typed with.
const t = <M extends string, V extends string>(level: Level, module: M, verb: V, en: string, zh: string, dependsOn: string[] = []): Template & { name: `${M}.${V}` } => ({
  name: `${module}.${verb}`,
  level,
  module,
  description: { en, zh },
  dependsOn: verb === "view" ? dependsOn : [`${module}.view`, ...dependsOn],
});

const catalogue = [
  t("platform", "clusters", "view", "View clusters and their health", "查看集群及其健康状态"),
  t("platform", "clusters", "manage", "Register, edit and remove clusters", "添加、编辑和移除集群"),
  t("platform", "users", "view", "View users", "查看用户"),
  t("platform", "users", "manage", "Create, edit and disable users and their platform role", "创建、编辑和禁用用户及其平台角色", ["platform-roles.view"]),
  t("platform", "platform-roles", "view", "View platform roles", "查看平台角色"),
  t("platform", "platform-roles", "manage", "Create, edit and delete platform roles", "创建、编辑和删除平台角色"),
  t("platform", "workspaces", "view", "View every workspace and everything in it", "查看所有企业空间及其内容"),
  t("platform", "workspaces", "manage", "Manage every workspace and everything in it", "管理所有企业空间及其内容"),
  t("platform", "workspaces", "create", "Create workspaces (and administer them)", "创建企业空间（并成为其管理员）"),
  t("platform", "audit", "view", "Search the whole audit log", "搜索全部审计日志"),
  t("platform", "settings", "view", "View platform settings", "查看平台设置"),
  t("platform", "settings", "manage", "Change platform settings", "修改平台设置"),

  t("workspace", "workspace-settings", "view", "View the workspace's details", "查看企业空间信息"),
  t("workspace", "workspace-settings", "manage", "Edit and delete the workspace", "编辑和删除企业空间"),
  t("workspace", "workspace-members", "view", "View workspace members", "查看企业空间成员", ["workspace-roles.view"]),
  t("workspace", "workspace-members", "manage", "Invite, change and remove workspace members", "邀请、修改和移除企业空间成员"),
  t("workspace", "workspace-roles", "view", "View workspace roles", "查看企业空间角色"),
  t("workspace", "workspace-roles", "manage", "Create, edit and delete workspace roles", "创建、编辑和删除企业空间角色"),
  t("workspace", "workspace-quotas", "view", "View the workspace's quotas", "查看企业空间配额"),
  t("workspace", "workspace-quotas", "manage", "Set the workspace's quotas", "设置企业空间配额"),
  t("workspace", "workspace-network", "view", "View workspace network isolation", "查看企业空间网络隔离"),
  t("workspace", "workspace-network", "manage", "Turn workspace network isolation on and off", "开启或关闭企业空间网络隔离"),
  t("workspace", "projects", "view", "View every project of the workspace and everything in it", "查看企业空间内所有项目及其内容"),
  t("workspace", "projects", "create", "Create projects (and administer them)", "创建项目（并成为其管理员）"),
  t("workspace", "projects", "manage", "Manage every project of the workspace and everything in it", "管理企业空间内所有项目及其内容", ["projects.create"]),
  t("workspace", "workspace-audit", "view", "Search the workspace's audit log", "搜索企业空间审计日志"),

  t("project", "project-settings", "view", "View the project's details and status", "查看项目信息和状态"),
  t("project", "project-settings", "manage", "Edit and delete the project", "编辑和删除项目"),
  t("project", "project-members", "view", "View project members", "查看项目成员", ["project-roles.view"]),
  t("project", "project-members", "manage", "Add, change and remove project members", "添加、修改和移除项目成员"),
  t("project", "project-roles", "view", "View project roles", "查看项目角色"),
  t("project", "project-roles", "manage", "Create, edit and delete project roles", "创建、编辑和删除项目角色"),
  t("project", "project-quota", "view", "View the project's quota and default limits", "查看项目配额和默认限制"),
  t("project", "project-quota", "manage", "Set the project's quota and default limits", "设置项目配额和默认限制"),
  t("project", "project-network", "view", "View the project's network isolation", "查看项目网络隔离"),
  t("project", "project-network", "manage", "Change the project's network isolation", "修改项目网络隔离"),
  t("project", "workloads", "view", "View workloads in the project's namespace", "查看项目中的工作负载"),
  t("project", "workloads", "manage", "Manage workloads in the project's namespace", "管理项目中的工作负载"),
  t("project", "project-audit", "view", "Search the project's audit log", "搜索项目审计日志"),
] as const;

export const templates: Template[] = [...catalogue];
/** Every permission's name, as a type: a guard naming one the server does not know fails to compile. */
export type PermissionName = (typeof catalogue)[number]["name"];

export const templatesByName = new Map(templates.map((tpl) => [tpl.name, tpl]));

export type Permission = string;

export interface BuiltinRole {
  name: string;
  level: Level;
  displayName: { en: string; zh: string };
  description: { en: string; zh: string };
  templates: Permission[];
}

const all = (level: Level, except: string[] = []) =>
  templates.filter((tpl) => tpl.level === level && !except.includes(tpl.name)).map((tpl) => tpl.name);
const views = (level: Level) => templates.filter((tpl) => tpl.level === level && tpl.name.endsWith(".view")).map((tpl) => tpl.name);

export const builtinRoles: BuiltinRole[] = [
  { name: "platform-admin", level: "platform", displayName: { en: "Platform admin", zh: "平台管理员" }, description: { en: "Everything on the platform, in every workspace and project.", zh: "平台上的一切，包括所有企业空间和项目。" }, templates: all("platform") },
  { name: "platform-self-provisioner", level: "platform", displayName: { en: "Self-provisioner", zh: "平台自助用户" }, description: { en: "May create workspaces and becomes their admin.", zh: "可以创建企业空间，并成为其管理员。" }, templates: ["workspaces.create", "clusters.view"] },
  { name: "platform-regular", level: "platform", displayName: { en: "Regular user", zh: "平台普通用户" }, description: { en: "Sees only the workspaces and projects they are a member of.", zh: "只能看到自己所属的企业空间和项目。" }, templates: [] },

  { name: "admin", level: "workspace", displayName: { en: "Workspace admin", zh: "企业空间管理员" }, description: { en: "Everything in the workspace and its projects.", zh: "企业空间及其项目中的一切。" }, templates: all("workspace") },
  { name: "self-provisioner", level: "workspace", displayName: { en: "Self-provisioner", zh: "企业空间自助用户" }, description: { en: "May create projects and becomes their admin.", zh: "可以创建项目，并成为其管理员。" }, templates: ["workspace-settings.view", "projects.create"] },
  { name: "regular", level: "workspace", displayName: { en: "Regular member", zh: "企业空间普通成员" }, description: { en: "Sees the workspace and the projects they are a member of.", zh: "可以看到企业空间以及自己所属的项目。" }, templates: ["workspace-settings.view"] },
  { name: "viewer", level: "workspace", displayName: { en: "Viewer", zh: "企业空间观察者" }, description: { en: "Sees everything in the workspace and its projects.", zh: "可以看到企业空间及其项目中的一切。" }, templates: views("workspace") },

  { name: "admin", level: "project", displayName: { en: "Project admin", zh: "项目管理员" }, description: { en: "Everything in the project.", zh: "项目中的一切。" }, templates: all("project") },
  { name: "operator", level: "project", displayName: { en: "Operator", zh: "项目维护者" }, description: { en: "Everything in the project but its members and roles.", zh: "项目中除成员和角色以外的一切。" }, templates: all("project", ["project-members.manage", "project-roles.manage"]) },
  { name: "viewer", level: "project", displayName: { en: "Viewer", zh: "项目观察者" }, description: { en: "Sees everything in the project.", zh: "可以看到项目中的一切。" }, templates: views("project") },
];

export function builtinRole(level: Level, name: string): BuiltinRole | undefined {
  return builtinRoles.find((r) => r.level === level && r.name === name);
}

/** What a role grants: a built-in's templates from this catalogue, else the custom role's (`custom`, from the database). */
export function roleTemplates(level: Level, name: string, custom: readonly string[] | null | undefined): readonly string[] {
  return builtinRole(level, name)?.templates ?? custom ?? [];
}

/** The templates a set needs to work: itself plus every dependency, transitively. */
export function withDependencies(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const visit = (name: string) => {
    if (out.has(name)) return;
    out.add(name);
    templatesByName.get(name)?.dependsOn.forEach(visit);
  };
  for (const n of names) visit(n);
  return out;
}
