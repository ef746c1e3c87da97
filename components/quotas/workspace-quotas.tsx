"use client";
import { useState } from "react";
import { usePoolDryRun, useSetWorkspaceQuota, useWorkspaceQuotas } from "@/lib/client/hooks/quotas";
import { useCan } from "@/lib/client/hooks/can";
import type { WorkspaceQuota, WorkspaceQuotaSaved } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormActions } from "@/components/ui/form-actions";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { workspaceScope } from "@/lib/client/access-scope";
import { QuotaFields, quotaFieldOf, toHard, toQuotaValues, type QuotaFormValues } from "./quota-fields";
import { useZodForm } from "@/lib/client/form";
import type { WorkspaceQuotaBody } from "@/lib/schemas/quota";
import { UsageBars } from "./usage-bars";
import { useT } from "@/lib/i18n/client";
import { ClusterError } from "@/components/ui/cluster-error";

const poolSchema = () => import("@/lib/schemas/quota").then((m) => m.workspaceQuotaBody);

export function WorkspaceQuotas({ ws }: { ws: string }) {
  const t = useT();
  const quotas = useWorkspaceQuotas(ws);
  const permissions = useCan({ workspace: ws });
  return (
    <div className="space-y-6">
      <PageHeader title={t("tabs.quotas")} description={t("quota.wsDescription")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]} />
      <ScopeTabs scope={workspaceScope(ws)} className="" />
      {quotas.isPending ? (
        <LoadingState label={t("quota.loadingAll")} />
      ) : quotas.isError ? (
        <ErrorState error={quotas.error} onRetry={() => quotas.refetch()} />
      ) : (
        quotas.data.map((q) => <ClusterPool key={q.cluster} ws={ws} quota={q} canManage={permissions.can("workspace-quotas.manage")} />)
      )}
    </div>
  );
}

function ClusterPool({ ws, quota, canManage }: { ws: string; quota: WorkspaceQuota; canManage: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { requires } = useCan({ workspace: ws });
  return (
    <Card title={t("quota.clusterTitle", { name: quota.cluster })} actions={canManage && !editing ? <Button variant="secondary" {...requires("workspace-quotas.manage")} onClick={() => setEditing(true)}>{quota.hard ? t("quota.editPool") : t("quota.setPool")}</Button> : undefined}>
      <div className="space-y-5">
        {editing ? (
          <PoolForm ws={ws} quota={quota} onDone={() => setEditing(false)} />
        ) : quota.hard ? (
          <UsageBars label={t("quota.poolOn", { cluster: quota.cluster })} keys={Object.keys(quota.hard)} allocated={quota.allocated} used={quota.used} pool={quota.hard} />
        ) : (
          <p className="text-sm text-zinc-500">{t("quota.noPool")}</p>
        )}
        {quota.usageError && <ClusterError message={quota.usageError} context="quota.usageUnavailable" className="text-sm text-amber-700" />}
        {quota.projects.length > 0 && (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-zinc-800">{t("quota.projectsCount", { count: quota.projects.length })}</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {quota.projects.map((p) => (
                <div key={p.name}>
                  <h3 className="mb-2 text-sm font-semibold">{p.name}</h3>
                  <UsageBars label={t("quota.projectLabel", { name: p.name })} allocated={p.hard} used={p.used} pool={quota.hard} />
                </div>
              ))}
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}

const poolBody = (values: QuotaFormValues) => {
  const def = toHard(values.def!);
  return { hard: toHard(values.hard!), defaultProject: Object.keys(def).length ? { hard: def } : null };
};

/**
 * The pool and the default project quota. Saving first asks the server what it would do (a dry run); when that
 * changes projects' quotas in effect (a newly pooled key is 0 where a project has no share), it says which and how
 * and asks before saving.
 */
function PoolForm({ ws, quota, onDone }: { ws: string; quota: WorkspaceQuota; onDone: () => void }) {
  const t = useT();
  const save = useSetWorkspaceQuota(ws, quota.cluster);
  const preview = usePoolDryRun(ws, quota.cluster);
  const [impact, setImpact] = useState<WorkspaceQuotaSaved["changedProjects"] | null>(null);
  const form = useZodForm<QuotaFormValues, WorkspaceQuotaBody>(poolSchema, {
    defaultValues: { hard: toQuotaValues(quota.hard), def: toQuotaValues(quota.defaultProject?.hard) },
    toBody: poolBody,
    fieldOf: (path, values) =>
      path.startsWith("hard.") ? quotaFieldOf("hard", path.slice(5), values.hard) : path.startsWith("defaultProject.hard.") ? quotaFieldOf("def", path.slice(20), values.def) : undefined,
  });
  // Saved as the dry run checked it, once its impact is confirmed.
  const commit = () => save.mutate(poolBody(form.getValues()), { onSuccess: () => { setImpact(null); onDone(); } });
  const onSubmit = form.submit(preview, {
    variables: (body) => {
      save.reset();
      return body;
    },
    onSuccess: (dry) => (dry.changedProjects.length ? setImpact(dry.changedProjects) : commit()),
  });
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      <QuotaFields form={form} name="hard" label={t("quota.pool")} />
      <QuotaFields form={form} name="def" label={t("quota.defaultProject")} />
      <FormActions submitLabel={t("quota.savePool")} pendingLabel={t("ui.saving")} pending={form.pending || save.isPending} onCancel={onDone} />
      <ConfirmDialog
        open={impact !== null}
        title={t("quota.impactTitle", { count: impact?.length ?? 0 })}
        error={save.error}
        pending={save.isPending}
        confirmLabel={t("quota.impactConfirm")}
        pendingLabel={t("ui.saving")}
        onConfirm={commit}
        onClose={() => setImpact(null)}
      >
        <p>{t("quota.impactBody")}</p>
        <ul className="space-y-1" data-testid="pool-impact">
          {impact?.map((p) => (
            <li key={p.project}>
              <span className="font-semibold text-zinc-900">{p.project}</span>:{" "}
              <span className="font-mono text-xs">{p.changes.map((c) => `${c.key} ${c.before ?? t("quota.noLimit")} → ${c.after ?? t("quota.noLimit")}`).join(", ")}</span>
            </li>
          ))}
        </ul>
        {impact?.some((p) => p.changes.some((c) => c.after === "0")) && <p className="font-medium text-amber-800">{t("quota.impactZero")}</p>}
      </ConfirmDialog>
    </form>
  );
}
