"use client";
import { useState } from "react";
import { useProjectLimits, useProjectQuota, useSetProjectLimits, useSetProjectQuota } from "@/lib/client/hooks/quotas";
import { useCan } from "@/lib/client/hooks/can";
import type { ContainerLimits, ProjectLimits, ProjectQuota, QuotaSource } from "@/lib/client/types";
import { projectScope } from "@/lib/client/access-scope";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormActions } from "@/components/ui/form-actions";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { CONTAINER_KEYS, ResourceMapEditor, SourceBadge, toMap, toRows, type Row } from "./resource-map-editor";
import { QuotaFields, quotaFieldOf, toHard, toQuotaValues, type QuotaFormValues } from "./quota-fields";
import { useZodForm } from "@/lib/client/form";
import type { LimitsBody, ProjectQuotaBody } from "@/lib/schemas/quota";
import { get, type FieldError } from "react-hook-form";
import { UsageBars } from "./usage-bars";
import { PodSecurityCard } from "./pod-security-card";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { CodeBlock } from "@/components/ui/code-block";
import { ClusterError } from "@/components/ui/cluster-error";

const quotaSchema = () => import("@/lib/schemas/quota").then((m) => m.projectQuotaBody);
const limitsSchema = () => import("@/lib/schemas/quota").then((m) => m.limitsBody);

export function ProjectQuotaPage({ ws, project }: { ws: string; project: string }) {
  const t = useT();
  const quota = useProjectQuota(ws, project);
  const limits = useProjectLimits(ws, project);
  const permissions = useCan({ workspace: ws, project });
  const canManage = permissions.can("project-quota.manage");
  return (
    <div className="space-y-6">
      <PageHeader title={t("quota.projTitle")} crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }, { label: project, href: `/workspaces/${ws}/projects/${project}` }]} />
      <ScopeTabs scope={projectScope(ws, project)} className="" />
      {/* The quota's and the limits' cards are as tall as their values are many, and what the viewer may change
          adds forms and cards: all wait until all three are read, so no part arrives above another and pushes it down. */}
      {quota.isPending || limits.isPending || permissions.isPending ? (
        <LoadingState label={t("quota.loading")} />
      ) : (
        <>
          {quota.isError ? <ErrorState error={quota.error} onRetry={() => quota.refetch()} /> : <QuotaCard ws={ws} project={project} quota={quota.data} canManage={canManage} />}
          {limits.isError ? <ErrorState error={limits.error} onRetry={() => limits.refetch()} /> : <LimitsCard ws={ws} project={project} limits={limits.data} canManage={canManage} />}
          {permissions.can("project-settings.view") && <PodSecurityCard ws={ws} project={project} canManage={permissions.can("project-settings.manage")} />}
          {quota.data && <AppliedYaml yaml={[quota.data.yaml, limits.data?.yaml].filter((y): y is string => !!y).join("---\n")} />}
        </>
      )}
    </div>
  );
}

const SOURCE_LABELS = {
  project: "source.project",
  "workspace-default": "source.workspaceDefault",
  pool: "source.pool",
  "built-in": "source.builtIn",
  automatic: "source.automatic",
  derived: "source.derived",
} as const satisfies Record<string, MessageKey>;
const useDescribe = () => {
  const t = useT();
  return (source: string) => t(SOURCE_LABELS[source as keyof typeof SOURCE_LABELS] ?? "source.project");
};
/** Values the project would inherit anyway: unchanged, they are not sent as its own. */
const INHERITED_QUOTA: (string | undefined)[] = ["pool", "built-in"] satisfies QuotaSource[];
const INHERITED_LIMIT: (string | undefined)[] = ["automatic", "derived"];

/** The objects these settings give the cluster, as the API server takes them (what kubectl would apply). */
function AppliedYaml({ yaml }: { yaml: string }) {
  const t = useT();
  return (
    <details className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
      <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-zinc-900">{t("quota.yamlTitle")}</summary>
      <CodeBlock testId="quota-yaml" label={t("quota.yamlTitle")} className="mx-5 mb-4 max-h-96">{yaml}</CodeBlock>
    </details>
  );
}

function QuotaCard({ ws, project, quota, canManage }: { ws: string; project: string; quota: ProjectQuota; canManage: boolean }) {
  const t = useT();
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const { requires } = useCan({ workspace: ws, project });
  const notes = Object.fromEntries(Object.entries(quota.sources).map(([k, s]) => [k, <SourceBadge key={k} text={describe(s)} own={s === "project"} />]));
  return (
    <Card title={t("quota.resourceQuota")} actions={canManage && !editing ? <Button variant="secondary" {...requires("project-quota.manage")} onClick={() => setEditing(true)}>{t("quota.edit")}</Button> : undefined}>
      {editing ? (
        <QuotaForm ws={ws} project={project} quota={quota} onDone={() => setEditing(false)} />
      ) : (
        <UsageBars label={t("quota.projectUsage")} allocated={quota.effective} used={quota.used} pool={quota.pool} notes={notes} />
      )}
      {quota.usageError && <ClusterError message={quota.usageError} context="quota.usageUnavailable" className="mt-3 text-sm text-amber-700" />}
    </Card>
  );
}

const inheritedQuota = (source: string | undefined) => INHERITED_QUOTA.includes(source);

/** Opens with every value in effect, each saying where it comes from, and the pool's headroom beside it. */
function QuotaForm({ ws, project, quota, onDone }: { ws: string; project: string; quota: ProjectQuota; onDone: () => void }) {
  const t = useT();
  const describe = useDescribe();
  const save = useSetProjectQuota(ws, project);
  const form = useZodForm<QuotaFormValues, ProjectQuotaBody>(quotaSchema, {
    defaultValues: { quota: toQuotaValues(quota.effective, quota.sources) },
    toBody: (values) => ({ hard: toHard(values.quota!, inheritedQuota) }),
    fieldOf: (path, values) => (path.startsWith("hard.") ? quotaFieldOf("quota", path.slice(5), values.quota) : undefined),
  });
  return (
    <form className="space-y-4" noValidate onSubmit={form.submit(save, { variables: (body) => body.hard, onSuccess: onDone })}>
      {quota.pool && <p className="text-sm text-zinc-600">{t("quota.pooledKeys", { keys: Object.keys(quota.pool).join(", ") })}</p>}
      <QuotaFields form={form} name="quota" label={t("quota.quota")} headroom={quota.headroom} describe={describe} inherited={inheritedQuota} />
      <FormActions submitLabel={t("quota.save")} pendingLabel={t("ui.saving")} pending={form.pending} onCancel={onDone} />
    </form>
  );
}

const LIMIT_FIELDS = [["defaultRequest", "limits.defaultRequest"], ["default", "limits.default"], ["min", "limits.min"], ["max", "limits.max"]] as const satisfies readonly (readonly [keyof ContainerLimits, MessageKey])[];

type LimitRows = Record<keyof ContainerLimits, Row[]>;

function LimitsCard({ ws, project, limits, canManage }: { ws: string; project: string; limits: ProjectLimits; canManage: boolean }) {
  const t = useT();
  const describe = useDescribe();
  const save = useSetProjectLimits(ws, project);
  const { requires } = useCan({ workspace: ws, project });
  // Every value in effect, own or not; only the project's own (and edited) ones are saved.
  const form = useZodForm<LimitRows, LimitsBody>(limitsSchema, {
    defaultValues: Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, toRows(limits.effective?.[k] ?? limits.limits[k], limits.sources[k])])) as LimitRows,
    toBody: (rows) => Object.fromEntries(LIMIT_FIELDS.map(([k]) => [k, toMap(rows[k].filter((r) => !INHERITED_LIMIT.includes(r.source)))])),
    // `max.cpu` belongs to the max row whose key is cpu.
    fieldOf: (path, rows) => {
      const dot = path.indexOf(".");
      const group = path.slice(0, dot) as keyof ContainerLimits;
      const i = rows[group]?.findIndex((r) => r.key.trim() === path.slice(dot + 1)) ?? -1;
      return dot > 0 && i >= 0 ? `${group}.${i}.value` : undefined;
    },
  });
  const rows = form.watch();
  const errorsOf = (k: keyof ContainerLimits) =>
    Object.fromEntries(rows[k].map((r, i) => [r.key, (get(form.formState.errors, `${k}.${i}.value`) as FieldError | undefined)?.message]).filter(([, m]) => m));
  const eff = limits.effective;
  return (
    <Card title={t("proj.defaultLimits")}>
      <p className="mb-4 text-sm text-zinc-600">
        {t("limits.inEffect", { value: eff ? LIMIT_FIELDS.filter(([k]) => eff[k]).map(([k, l]) => `${t(l)} ${Object.entries(eff[k]!).map(([r, v]) => `${r}=${v}`).join(", ")}`).join(" · ") : t("limits.none") })}
      </p>
      {canManage && (
        <form className="space-y-4" noValidate onSubmit={form.submit(save)} {...requires("project-quota.manage")}>
          <div className="grid gap-4 sm:grid-cols-2">
            {LIMIT_FIELDS.map(([k, label]) => (
              <ResourceMapEditor key={k} label={t(label)} keys={CONTAINER_KEYS} rows={rows[k]} onChange={(r) => form.setValue(k, r, { shouldValidate: form.formState.isSubmitted })} errors={errorsOf(k)} describe={describe} inherited={(s) => INHERITED_LIMIT.includes(s)} />
            ))}
          </div>
          <FormActions submitLabel={t("limits.save")} pendingLabel={t("ui.saving")} pending={form.pending} />
        </form>
      )}
    </Card>
  );
}
