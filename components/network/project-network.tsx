"use client";
import { useState } from "react";
import { useProjectNetwork, useSetProjectNetwork, type ProjectNetworkInput } from "@/lib/client/hooks/network";
import { useCan } from "@/lib/client/hooks/can";
import { projectScope } from "@/lib/client/access-scope";
import type { ProjectNetwork } from "@/lib/client/types";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { AllowListEditor } from "./allow-list-editor";
import { isolationChanges, ProjectIsolationConfirm } from "./isolation-confirm";
import { useT } from "@/lib/i18n/client";

export function ProjectNetworkPage({ ws, project }: { ws: string; project: string }) {
  const t = useT();
  const network = useProjectNetwork(ws, project);
  return (
    <div className="space-y-6">
      <PageHeader title={t("ws.networkIsolation")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }, { label: project, href: `/workspaces/${ws}/projects/${project}` }]} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      {network.isPending ? (
        <LoadingState />
      ) : network.isError ? (
        <ErrorState error={network.error} onRetry={() => network.refetch()} />
      ) : (
        <>
          <Settings key={network.dataUpdatedAt} ws={ws} project={project} current={network.data} />
          <Card title={t("net.generated")}>
            {network.data.yaml ? (
              <pre data-testid="network-yaml" className="overflow-x-auto rounded bg-zinc-950 p-4 text-xs text-zinc-100">{network.data.yaml}</pre>
            ) : (
              <p data-testid="network-yaml" className="text-sm text-zinc-500">{t("net.noPolicies")}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

function Settings({ ws, project, current }: { ws: string; project: string; current: ProjectNetwork }) {
  const t = useT();
  const save = useSetProjectNetwork(ws, project);
  const { can, guard } = useCan({ workspace: ws, project });
  const canManage = can("project-network.manage");
  const [form, setForm] = useState<ProjectNetworkInput>({ isolated: current.isolated, allow: current.allow, egress: current.egress ?? { isolated: false, allow: [] } });
  const [asking, setAsking] = useState(false);
  const changes = isolationChanges(current, form);
  return (
    <Card title={t("net.settings")}>
      {/* Turning isolation on or off changes what traffic gets through: that is said and asked first. */}
      <form className="space-y-5" onSubmit={(e) => { e.preventDefault(); if (changes.length) setAsking(true); else save.mutate(form); }}>
        {current.workspaceIsolated && <p className="text-sm text-zinc-600">{t("net.wsIsolatedNote")}</p>}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.isolated} {...guard("project-network.manage")} onChange={(e) => setForm({ ...form, isolated: e.target.checked })} />
          {t("net.isolateIngress")}
        </label>
        <AllowListEditor label={t("net.ingressAllow")} entries={form.allow} readOnly={!canManage} onChange={(allow) => setForm({ ...form, allow })} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.egress?.isolated ?? false} {...guard("project-network.manage")} onChange={(e) => setForm({ ...form, egress: { allow: form.egress?.allow ?? [], isolated: e.target.checked } })} />
          {t("net.isolateEgress")}
        </label>
        <AllowListEditor label={t("net.egressAllow")} entries={form.egress?.allow ?? []} readOnly={!canManage} onChange={(allow) => setForm({ ...form, egress: { isolated: form.egress?.isolated ?? false, allow } })} />
        <FormError error={save.error} />
        <FormActions submitLabel={canManage ? t("net.save") : undefined} pendingLabel={t("ui.saving")} pending={save.isPending} />
      </form>
      <ProjectIsolationConfirm project={project} changes={changes} open={asking} error={save.error} pending={save.isPending} onConfirm={() => save.mutate(form)} onClose={() => setAsking(false)} />
    </Card>
  );
}
