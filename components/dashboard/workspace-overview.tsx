"use client";
import Link from "next/link";
import { UsageBars } from "@/components/quotas/usage-bars";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { workspaceScope } from "@/lib/client/access-scope";
import { useMembers } from "@/lib/client/hooks/members";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { useWorkspaceQuotas } from "@/lib/client/hooks/quotas";
import type { Project, Workspace } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Loaded, RecentActivity } from "./parts";
import { ExpiringMembers } from "./expiring-members";
import { YourAccessEnds } from "@/components/members/your-access-ends";
import { useWords } from "@/lib/i18n/use-words";
import { ClusterError } from "@/components/ui/cluster-error";

const STATUSES = ["ready", "pending", "error", "terminating"] as const;

/** The workspace at a glance; each panel shows only when the viewer's workspace role lets them read it. */
export function WorkspaceOverview({ workspace: ws, projects }: { workspace: Workspace; projects: Project[] | undefined }) {
  const t = useT();
  const { can } = useScopePermissions({ workspace: ws.name });
  const counts = STATUSES.map((s) => [s, projects?.filter((p) => p.status === s).length ?? 0] as const).filter(([, n]) => n > 0);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <div className="lg:col-span-2 empty:hidden">
        <YourAccessEnds workspace={ws.name} />
      </div>
      <Card title={t("ws.atAGlance")}>
        <dl className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <dt className="text-zinc-500">{t("ws.projectStatus")}</dt>
            <dd className="flex flex-wrap gap-2">
              {counts.length ? counts.map(([s, n]) => <span key={s} className="flex items-center gap-1"><StatusBadge status={s} /> {n}</span>) : "—"}
            </dd>
          </div>
          <div className="flex items-center justify-between gap-2">
            <dt className="text-zinc-500">{t("ws.networkIsolation")}</dt>
            <dd>
              {can("workspace-network.view") ? (
                <Link href={`/workspaces/${ws.name}/network`} className="text-indigo-700 hover:underline">
                  {ws.networkIsolated ? t("common.on") : t("common.off")}
                </Link>
              ) : ws.networkIsolated ? (
                t("common.on")
              ) : (
                t("common.off")
              )}
            </dd>
          </div>
          {can("workspace-members.view") && <MembersByRole workspace={ws.name} />}
        </dl>
      </Card>
      {can("workspace-members.view") && <ExpiringMembers workspace={ws.name} />}
      {can("workspace-quotas.view") && <QuotaPools workspace={ws.name} />}
      {can("workspace-audit.view") && <RecentActivity filters={{ workspace: ws.name }} />}
    </div>
  );
}

function MembersByRole({ workspace }: { workspace: string }) {
  const t = useT();
  const words = useWords();
  const members = useMembers(workspaceScope(workspace));
  const all = members.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = new Map<string, number>();
  for (const m of all) counts.set(m.role, (counts.get(m.role) ?? 0) + 1);
  const byRole = [...counts].sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <dt className="text-zinc-500">{t("ws.membersByRole")}</dt>
      <dd className="flex flex-wrap gap-2">
        {byRole.map(([role, n]) => (
          <span key={role} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700">
            {words.role("workspace", role)}: {n}
            {members.hasNextPage ? "+" : ""}
          </span>
        ))}
      </dd>
    </div>
  );
}

/** Per cluster: the pool, how much of it is handed to projects, and how much the cluster says is used. */
function QuotaPools({ workspace }: { workspace: string }) {
  const t = useT();
  const quotas = useWorkspaceQuotas(workspace);
  return (
    <Card title={t("ws.quotaPools")} actions={<Link href={`/workspaces/${workspace}/quotas`} className="text-sm text-indigo-700 hover:underline">{t("common.details")}</Link>}>
      <Loaded query={quotas} empty={(items) => !items.some((q) => q.hard) && t("ws.noPools")}>
        {(items) => (
          <div className="space-y-5">
            {items
              .filter((q) => q.hard)
              .map((q) => (
                <div key={q.cluster}>
                  <h3 className="mb-2 text-sm font-medium text-zinc-900">{q.cluster}</h3>
                  {q.usageError && <ClusterError message={q.usageError} context="quota.usageUnavailable" className="mb-2 text-xs text-red-700" />}
                  <UsageBars label={t("dash.quotaOf", { cluster: q.cluster })} keys={Object.keys(q.hard!)} allocated={q.allocated} used={q.used} pool={q.hard} />
                </div>
              ))}
          </div>
        )}
      </Loaded>
    </Card>
  );
}
