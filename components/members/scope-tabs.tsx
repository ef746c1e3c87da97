"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { membersPermission, rolesPermission, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useHeldPermissions } from "@/components/roles/use-held-permissions";
import { useT } from "@/lib/i18n/client";

/** Sections of a workspace or project; each shows only to those who may view it. */
export function ScopeTabs({ scope, className = "mb-6" }: { scope: AccessScope; className?: string }) {
  const pathname = usePathname();
  const t = useT();
  const { can } = useHeldPermissions(scope);
  const base = scopeHref(scope);
  const review = scope.level === "project" ? `/workspaces/${scope.workspace}/access?project=${scope.project}` : `${base}/access`;
  const tabs = [
    { href: base, label: t(scope.level === "workspace" ? "tabs.projects" : "tabs.overview"), show: true },
    { href: `${base}/members`, label: t("tabs.members"), show: can(membersPermission(scope, "view")) },
    { href: `${base}/roles`, label: t("tabs.roles"), show: can(rolesPermission(scope, "view")) },
    { href: review, label: t("tabs.access"), show: can(membersPermission(scope, "view")) },
    { href: `${base}/workloads`, label: t("tabs.workloads"), show: scope.level === "project" && can("workloads.view") },
    { href: `${base}/${scope.level === "workspace" ? "quotas" : "quota"}`, label: t("tabs.quotas"), show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-quotas.view" : "project-quota.view") },
    { href: `${base}/network`, label: t("tabs.network"), show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-network.view" : "project-network.view") },
    { href: `${base}/audit`, label: t("nav.audit"), show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-audit.view" : "project-audit.view") },
  ].filter((tab) => tab.show);
  const active = (href: string) => {
    const path = href.split("?")[0]!;
    return path === base ? pathname === base : pathname.startsWith(path);
  };

  return (
    <nav aria-label={t(scope.level === "workspace" ? "tabs.workspaceSections" : "tabs.projectSections")} className={`border-b border-zinc-200 ${className}`}>
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={active(tab.href) ? "page" : undefined}
              className={`block whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium ${
                active(tab.href) ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
