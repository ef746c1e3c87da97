"use client";
import { useState } from "react";
import { get, type FieldError } from "react-hook-form";
import { useZodForm } from "@/lib/client/form";
import { useProjectNetwork, useSetProjectNetwork, type ProjectNetworkInput } from "@/lib/client/hooks/network";
import { useCan } from "@/lib/client/hooks/can";
import { projectScope } from "@/lib/client/access-scope";
import type { ProjectNetwork } from "@/lib/client/types";
import { Card } from "@/components/ui/card";
import { FormActions } from "@/components/ui/form-actions";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { AllowListEditor } from "./allow-list-editor";
import { isolationChanges, ProjectIsolationConfirm } from "./isolation-confirm";
import { useT } from "@/lib/i18n/client";
import { CodeBlock } from "@/components/ui/code-block";

const networkSchema = () => import("@/lib/schemas/network").then((m) => m.projectNetworkBody);

export function ProjectNetworkPage({ ws, project }: { ws: string; project: string }) {
  const t = useT();
  const network = useProjectNetwork(ws, project);
  // What the viewer may change shapes the settings (editors, a save button): they show when that is known too, not
  // drawn read-only first and then grown, moving the card under them.
  const permissions = useCan({ workspace: ws, project });
  return (
    <div className="space-y-6">
      <PageHeader title={t("ws.networkIsolation")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }, { label: project, href: `/workspaces/${ws}/projects/${project}` }]} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      {network.isPending || permissions.isPending ? (
        <LoadingState />
      ) : network.isError ? (
        <ErrorState error={network.error} onRetry={() => network.refetch()} />
      ) : (
        <>
          <Settings key={network.dataUpdatedAt} ws={ws} project={project} current={network.data} />
          <Card title={t("net.generated")}>
            {network.data.yaml ? (
              <CodeBlock testId="network-yaml" label={t("net.generated")}>{network.data.yaml}</CodeBlock>
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
  const { can, guard, requires } = useCan({ workspace: ws, project });
  const canManage = can("project-network.manage");
  const form = useZodForm<ProjectNetworkInput, ProjectNetworkInput>(networkSchema, {
    defaultValues: { isolated: current.isolated, allow: current.allow, egress: current.egress ?? { isolated: false, allow: [] } },
    toBody: (values) => values,
    // An entry's issue (`allow.2.cidr`) shows under its row.
    fieldOf: (path) => /^(egress\.)?allow\.\d+/.exec(path)?.[0],
  });
  const values = form.watch();
  const set = <K extends "isolated" | "allow" | "egress">(key: K, value: ProjectNetworkInput[K]) => form.setValue(key, value as never, { shouldValidate: form.formState.isSubmitted });
  const egress = values.egress ?? { isolated: false, allow: [] };
  const rowError = (prefix: string) => (i: number) => (get(form.formState.errors, `${prefix}.${i}`) as FieldError | undefined)?.message;
  const [asking, setAsking] = useState(false);
  const changes = isolationChanges(current, values);
  // Turning isolation on or off changes what traffic gets through: that is said and asked first.
  const onSubmit = changes.length ? form.handleSubmit(() => setAsking(true)) : form.submit(save);
  return (
    <Card title={t("net.settings")}>
      <form className="space-y-5" noValidate onSubmit={onSubmit} {...requires("project-network.manage")}>
        {current.workspaceIsolated && <p className="text-sm text-zinc-600">{t("net.wsIsolatedNote")}</p>}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.isolated} {...guard("project-network.manage")} onChange={(e) => set("isolated", e.target.checked)} />
          {t("net.isolateIngress")}
        </label>
        <AllowListEditor label={t("net.ingressAllow")} entries={values.allow} readOnly={!canManage} onChange={(allow) => set("allow", allow)} errorOf={rowError("allow")} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={egress.isolated} {...guard("project-network.manage")} onChange={(e) => set("egress", { allow: egress.allow, isolated: e.target.checked })} />
          {t("net.isolateEgress")}
        </label>
        <AllowListEditor label={t("net.egressAllow")} entries={egress.allow} readOnly={!canManage} onChange={(allow) => set("egress", { isolated: egress.isolated, allow })} errorOf={rowError("egress.allow")} />
        <FormActions submitLabel={canManage ? t("net.save") : undefined} pendingLabel={t("ui.saving")} pending={form.pending || save.isPending} />
      </form>
      <ProjectIsolationConfirm project={project} changes={changes} open={asking} error={save.error} pending={save.isPending} onConfirm={() => save.mutate(form.getValues())} onClose={() => setAsking(false)} />
    </Card>
  );
}
