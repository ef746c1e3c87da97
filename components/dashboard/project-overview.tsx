"use client";
import Link from "next/link";
import { useState } from "react";
import { UsageBars } from "@/components/quotas/usage-bars";
import { Card } from "@/components/ui/card";
import { useViewer } from "@/components/shell/viewer";
import { projectScope } from "@/lib/client/access-scope";
import { useManagedObjects } from "@/lib/client/hooks/dashboard";
import { useMembers } from "@/lib/client/hooks/members";
import { useProjectNetwork } from "@/lib/client/hooks/network";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { useProjectLimits, useProjectQuota } from "@/lib/client/hooks/quotas";
import type { Project } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { Loaded, RecentActivity } from "./parts";
import { ProjectWorkloads } from "./project-workloads";
import { YourAccessEnds } from "@/components/members/your-access-ends";
import { CodeBlock } from "@/components/ui/code-block";
import { useWords } from "@/lib/i18n/use-words";
import { ClusterError } from "@/components/ui/cluster-error";

/** The project at a glance; every panel is gated on the viewer's permission in the project. */
export function ProjectOverview({ project: p }: { project: Project }) {
  const { can } = useScopePermissions({ workspace: p.workspace, project: p.name });
  const base = `/workspaces/${p.workspace}/projects/${p.name}`;
  return (
    <div className="space-y-6">
      <YourAccessEnds workspace={p.workspace} project={p.name} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {can("project-quota.view") && <QuotaPanel project={p} href={`${base}/quota`} />}
        {can("project-network.view") && <NetworkPanel project={p} href={`${base}/network`} />}
        {can("project-members.view") && <MembersPanel project={p} href={`${base}/members`} />}
        <KubectlPanel project={p} />
      </div>
      {can("workloads.view") && <ProjectWorkloads workspace={p.workspace} project={p.name} />}
      {can("project-settings.view") && <ManagedObjects project={p} />}
      {can("project-audit.view") && <RecentActivity filters={{ workspace: p.workspace, project: p.name }} />}
    </div>
  );
}

const more = (href: string, label: string) => (
  <Link href={href} className="text-sm text-indigo-700 hover:underline">
    {label}
  </Link>
);

function QuotaPanel({ project: p, href }: { project: Project; href: string }) {
  const t = useT();
  const quota = useProjectQuota(p.workspace, p.name);
  const limits = useProjectLimits(p.workspace, p.name);
  const defaults = limits.data?.effective?.default ?? limits.data?.limits.default;
  return (
    <Card title={t("proj.quota")} actions={more(href, t("common.details"))}>
      <Loaded query={quota}>{(q) => <UsageBars label={t("proj.quota")} allocated={q.effective} used={q.used} pool={q.pool} />}</Loaded>
      {defaults && Object.keys(defaults).length > 0 && (
        <p className="mt-4 text-xs text-zinc-500">
          {t("proj.defaultLimits")}: <span className="font-mono">{Object.entries(defaults).map(([k, v]) => `${k}=${v}`).join(", ")}</span>
        </p>
      )}
    </Card>
  );
}

function NetworkPanel({ project: p, href }: { project: Project; href: string }) {
  const t = useT();
  const network = useProjectNetwork(p.workspace, p.name);
  return (
    <Card title={t("proj.network")} actions={more(href, t("common.details"))}>
      <Loaded query={network}>
        {(n) => (
          <ul className="space-y-1.5 text-sm text-zinc-700">
            <li>{t("proj.ingress", { state: n.isolated ? t("proj.isolated") : n.workspaceIsolated ? t("proj.workspaceOnly") : t("proj.open") })}</li>
            <li>{t("proj.allowRules", { count: n.allow.length })}</li>
            <li>{t("proj.egress", { state: n.egress?.isolated ? t("proj.isolated") : t("proj.open") })}</li>
          </ul>
        )}
      </Loaded>
    </Card>
  );
}

function MembersPanel({ project: p, href }: { project: Project; href: string }) {
  const t = useT();
  const words = useWords();
  const members = useMembers(projectScope(p.workspace, p.name));
  return (
    <Card title={t("proj.members")} actions={more(href, t("common.details"))}>
      <Loaded query={members} empty={(d) => !d.pages[0]?.items.length && t("proj.noMembers")}>
        {(d) => (
          <ul className="space-y-1 text-sm">
            {d.pages.flatMap((pg) => pg.items).slice(0, 10).map((m) => (
              <li key={m.username} className="flex justify-between gap-2">
                <span className="text-zinc-900">{m.username}</span>
                <span className="text-zinc-500">{words.role("project", m.role)}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}

/** How to reach the same namespace from a terminal, with the identity the cluster knows this member by. */
function KubectlPanel({ project: p }: { project: Project }) {
  const t = useT();
  const { username } = useViewer();
  const identity = `tenantry:${username}`;
  return (
    <Card title={t("proj.kubectl")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">{t("proj.namespace")}</dt>
        <dd className="font-mono">{p.namespace}</dd>
        <dt className="text-zinc-500">{t("proj.context")}</dt>
        <dd className="font-mono">{p.cluster}</dd>
        <dt className="text-zinc-500">{t("proj.identity")}</dt>
        <dd className="font-mono">{identity}</dd>
      </dl>
      <CodeBlock label={t("proj.kubectl")} className="mt-3">
        {`kubectl --context ${p.cluster} -n ${p.namespace} get pods\nkubectl --context ${p.cluster} -n ${p.namespace} auth can-i --list --as ${identity}`}
      </CodeBlock>
    </Card>
  );
}

/** Fetched only when opened: the YAML is read from the cluster on demand. */
function ManagedObjects({ project: p }: { project: Project }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const objects = useManagedObjects(p.workspace, p.name, open);
  return (
    <details className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-zinc-900">{t("proj.managedObjects")}</summary>
      <div className="border-t border-zinc-200 px-5 py-4">
        {open && (
          <Loaded query={objects}>
            {(o) => (o.error ? <ClusterError message={o.error} code={o.code} /> : <CodeBlock label={t("proj.managedObjects")}>{o.yaml}</CodeBlock>)}
          </Loaded>
        )}
      </div>
    </details>
  );
}
