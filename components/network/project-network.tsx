"use client";
import { useState } from "react";
import { useProjectNetwork, useSetProjectNetwork, type ProjectNetworkInput } from "@/lib/client/hooks/network";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { errorMessage } from "@/lib/client/api";
import { projectScope } from "@/lib/client/access-scope";
import type { ProjectNetwork } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { AllowListEditor } from "./allow-list-editor";

export function ProjectNetworkPage({ ws, project }: { ws: string; project: string }) {
  const network = useProjectNetwork(ws, project);
  const canManage = useScopePermissions({ workspace: ws, project }).can("project-network.manage");
  return (
    <div className="space-y-6">
      <PageHeader title="Network isolation" crumbs={[{ label: "Workspaces", href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }, { label: project, href: `/workspaces/${ws}/projects/${project}` }]} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      {network.isPending ? (
        <LoadingState />
      ) : network.isError ? (
        <ErrorState error={network.error} onRetry={() => network.refetch()} />
      ) : (
        <>
          <Settings key={network.dataUpdatedAt} ws={ws} project={project} current={network.data} canManage={canManage} />
          <Card title="Generated NetworkPolicies">
            {network.data.yaml ? (
              <pre data-testid="network-yaml" className="overflow-x-auto rounded bg-zinc-950 p-4 text-xs text-zinc-100">{network.data.yaml}</pre>
            ) : (
              <p data-testid="network-yaml" className="text-sm text-zinc-500">None: this namespace admits and sends traffic freely.</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

function Settings({ ws, project, current, canManage }: { ws: string; project: string; current: ProjectNetwork; canManage: boolean }) {
  const save = useSetProjectNetwork(ws, project);
  const [form, setForm] = useState<ProjectNetworkInput>({ isolated: current.isolated, allow: current.allow, egress: current.egress ?? { isolated: false, allow: [] } });
  return (
    <Card title="Settings">
      <form className="space-y-5" onSubmit={(e) => { e.preventDefault(); save.mutate(form); }}>
        {current.workspaceIsolated && <p className="text-sm text-zinc-600">The workspace is isolated: without project isolation this project admits traffic from the workspace&apos;s projects.</p>}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.isolated} disabled={!canManage} onChange={(e) => setForm({ ...form, isolated: e.target.checked })} />
          Isolate ingress: admit only this project&apos;s own pods and the allow-list
        </label>
        <AllowListEditor label="Ingress allow-list" entries={form.allow} onChange={(allow) => setForm({ ...form, allow })} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.egress?.isolated ?? false} disabled={!canManage} onChange={(e) => setForm({ ...form, egress: { allow: form.egress?.allow ?? [], isolated: e.target.checked } })} />
          Isolate egress: reach only this project, DNS and the egress allow-list
        </label>
        <AllowListEditor label="Egress allow-list" entries={form.egress?.allow ?? []} onChange={(allow) => setForm({ ...form, egress: { isolated: form.egress?.isolated ?? false, allow } })} />
        <FormError message={save.error ? errorMessage(save.error) : undefined} />
        {canManage && <Button type="submit" disabled={save.isPending}>Save network settings</Button>}
      </form>
    </Card>
  );
}
