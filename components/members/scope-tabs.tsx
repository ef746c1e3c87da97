"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { membersPermission, rolesPermission, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useHeldPermissions } from "@/components/roles/use-held-permissions";

/** Sections of a workspace or project; each shows only to those who may view it. */
export function ScopeTabs({ scope, className = "mb-6" }: { scope: AccessScope; className?: string }) {
  const pathname = usePathname();
  const { can } = useHeldPermissions(scope);
  const base = scopeHref(scope);
  const review = scope.level === "project" ? `/workspaces/${scope.workspace}/access?project=${scope.project}` : `${base}/access`;
  const tabs = [
    { href: base, label: scope.level === "workspace" ? "Projects" : "Overview", show: true },
    { href: `${base}/members`, label: "Members", show: can(membersPermission(scope, "view")) },
    { href: `${base}/roles`, label: "Roles", show: can(rolesPermission(scope, "view")) },
    { href: review, label: "Access review", show: can(membersPermission(scope, "view")) },
    { href: `${base}/${scope.level === "workspace" ? "quotas" : "quota"}`, label: "Quotas", show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-quotas.view" : "project-quota.view") },
    { href: `${base}/network`, label: "Network", show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-network.view" : "project-network.view") },
    { href: `${base}/audit`, label: "Audit log", show: scope.level !== "platform" && can(scope.level === "workspace" ? "workspace-audit.view" : "project-audit.view") },
  ].filter((t) => t.show);
  const active = (href: string) => {
    const path = href.split("?")[0]!;
    return path === base ? pathname === base : pathname.startsWith(path);
  };

  return (
    <nav aria-label={`${scope.level === "workspace" ? "Workspace" : "Project"} sections`} className={`border-b border-zinc-200 ${className}`}>
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              aria-current={active(t.href) ? "page" : undefined}
              className={`block whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium ${
                active(t.href) ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800"
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
