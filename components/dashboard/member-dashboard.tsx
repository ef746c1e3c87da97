"use client";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { useProjects } from "@/lib/client/hooks/projects";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import type { Workspace } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { useViewer } from "@/components/shell/viewer";
import { Loaded, RecentActivity, Stat, StatGrid } from "./parts";
import { useMe } from "@/lib/client/hooks/me";
import { ExpiryText } from "@/components/members/expiry-picker";
import { useWords } from "@/lib/i18n/use-words";

const SHOWN = 12;

/** What a tenant sees first: only their own workspaces and projects (the APIs return nothing else). */
export function MemberDashboard() {
  const t = useT();
  const { can } = useViewer();
  const workspaces = useWorkspaces();
  return (
    <div className="space-y-6">
      <Loaded query={workspaces} empty={(d) => !d.pages[0]?.items.length && t(can("workspaces.create") ? "dash.noWorkspacesCreate" : "dash.noWorkspaces")}>
        {(d) => {
          const items = d.pages.flatMap((p) => p.items);
          return (
            <>
              <StatGrid>
                <Stat label={t("dash.yourWorkspaces")} value={`${items.length}${d.pages.at(-1)?.nextCursor ? "+" : ""}`} href="/workspaces" />
                <Stat label={t("dash.yourProjects")} value={items.reduce((n, w) => n + w.projectCount, 0)} detail={t("dash.inYourWorkspaces")} />
              </StatGrid>
              <section aria-labelledby="my-workspaces" className="space-y-3">
                <h2 id="my-workspaces" className="text-lg font-semibold text-zinc-900">
                  {t("dash.yourWorkspaces")}
                </h2>
                <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
                  {items.slice(0, SHOWN).map((w) => (
                    <WorkspaceCard key={w.name} workspace={w} />
                  ))}
                </div>
              </section>
            </>
          );
        }}
      </Loaded>
      <AccessThatEnds />
      <RecentActivity filters={{}} />
    </div>
  );
}

/** The viewer's memberships that end by themselves, soonest first. */
function AccessThatEnds() {
  const t = useT();
  const words = useWords();
  const items = useMe().data?.expiringMemberships ?? [];
  if (!items.length) return null;
  return (
    <Card title={t("expiry.yoursTitle")}>
        <ul className="space-y-1.5 text-sm">
          {items.map((m) => (
            <li key={`${m.workspace}/${m.project ?? ""}`} className="flex flex-wrap items-center justify-between gap-2">
              <Link href={m.project ? `/workspaces/${m.workspace}/projects/${m.project}` : `/workspaces/${m.workspace}`} className="text-indigo-700 hover:underline">
                {m.project ? `${m.workspace}/${m.project}` : m.workspace} ({words.role(m.project ? "project" : "workspace", m.role)})
              </Link>
              <span className={m.endsSoon ? "font-medium text-amber-700" : "text-zinc-600"}>
                <ExpiryText expiresAt={m.expiresAt} />
              </span>
            </li>
          ))}
        </ul>
    </Card>
  );
}

/** One workspace with the projects the viewer may see in it and their status. */
function WorkspaceCard({ workspace: w }: { workspace: Workspace }) {
  const t = useT();
  const projects = useProjects(w.name);
  return (
    <Card
      title={w.displayName || w.name}
      actions={
        <Link href={`/workspaces/${w.name}`} className="text-sm text-indigo-700 hover:underline" aria-label={t("dash.openWorkspace", { name: w.name })}>
          {t("common.open")}
        </Link>
      }
    >
      <p className="mb-3 text-xs text-zinc-500">
        {t("dash.wsSummary", { projects: w.projectCount, members: w.memberCount, clusters: w.clusters.join(", ") || "—" })}
      </p>
      <Loaded query={projects} empty={(items) => !items.length && t("dash.noProjects")}>
        {(items) => (
          <ul className="space-y-1.5">
            {items.map((p) => (
              <li key={p.name} className="flex items-center justify-between gap-2 text-sm">
                <Link href={`/workspaces/${w.name}/projects/${p.name}`} className="truncate text-indigo-700 hover:underline">
                  {p.displayName || p.name}
                </Link>
                <StatusBadge status={p.status} />
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}
