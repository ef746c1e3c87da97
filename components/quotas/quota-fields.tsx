"use client";
import { useId } from "react";
import { get, type FieldError } from "react-hook-form";
import type { ZodForm } from "@/lib/client/form";
import { joinQuantity, kindOf, splitQuantity, UNITS, type QuantityKind } from "@/lib/client/quantity-units";
import type { ResourceMap } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n";
import { ResourceMapEditor, SourceBadge, toRows, type Row } from "./resource-map-editor";

/** The keys a quota is usually made of, each a field with its unit; anything else is an "other key" row. */
const QUOTA_FIELDS = [
  { key: "requests.cpu", label: "forms.key.requestsCpu", group: "compute" },
  { key: "limits.cpu", label: "forms.key.limitsCpu", group: "compute" },
  { key: "requests.memory", label: "forms.key.requestsMemory", group: "compute" },
  { key: "limits.memory", label: "forms.key.limitsMemory", group: "compute" },
  { key: "requests.storage", label: "forms.key.requestsStorage", group: "storage" },
  { key: "persistentvolumeclaims", label: "forms.key.pvcs", group: "storage" },
  { key: "pods", label: "forms.key.pods", group: "objects" },
  { key: "services", label: "forms.key.services", group: "objects" },
  { key: "count/configmaps", label: "forms.key.configmaps", group: "objects" },
  { key: "count/secrets", label: "forms.key.secrets", group: "objects" },
  { key: "count/deployments.apps", label: "forms.key.deployments", group: "objects" },
  { key: "services.loadbalancers", label: "forms.key.loadBalancers", group: "objects" },
  { key: "services.nodeports", label: "forms.key.nodePorts", group: "objects" },
] as const satisfies readonly { key: string; label: MessageKey; group: string }[];
const GROUPS = [["compute", "forms.quota.compute"], ["storage", "forms.quota.storage"], ["objects", "forms.quota.objects"]] as const;
const FIXED = new Set<string>(QUOTA_FIELDS.map((f) => f.key));
/** Suggested for the other keys. */
const OTHER_KEYS = ["requests.ephemeral-storage", "limits.ephemeral-storage", "replicationcontrollers", "resourcequotas", "count/jobs.batch", "count/cronjobs.batch", "count/statefulsets.apps", "count/ingresses.networking.k8s.io"];

/** `source`: where a value in effect comes from while it is unchanged (editing makes it this scope's own). */
export interface QuotaFieldValue { amount: string; unit: string; source?: string }
export interface QuotaValues { fields: QuotaFieldValue[]; other: Row[] }
export type QuotaFormValues = Record<string, QuotaValues>;

/** The editor's values for a `hard` map (in effect, with where each value comes from). */
export function toQuotaValues(hard: ResourceMap | null | undefined, sources?: Record<string, string>): QuotaValues {
  const own = (key: string) => (sources?.[key] ? { source: sources[key] } : {});
  return {
    fields: QUOTA_FIELDS.map((f) => ({ ...splitQuantity(hard?.[f.key] ?? "", kindOf(f.key)), ...own(f.key) })),
    other: toRows(Object.fromEntries(Object.entries(hard ?? {}).filter(([k]) => !FIXED.has(k))), sources),
  };
}

/** The `hard` map to send: what is set here; an unchanged `inherited` value stays inherited, a blank field is no limit. */
export function toHard(values: QuotaValues, inherited: (source: string | undefined) => boolean = () => false): ResourceMap {
  const out: ResourceMap = {};
  QUOTA_FIELDS.forEach((f, i) => {
    const v = values.fields[i];
    const quantity = v && !inherited(v.source) ? joinQuantity(v.amount, v.unit) : "";
    if (quantity) out[f.key] = quantity;
  });
  for (const r of values.other) if (r.key.trim() && !inherited(r.source)) out[r.key.trim()] = r.value.trim();
  return out;
}

/** The field of the editor at `name` that an issue about `key` belongs to. */
export function quotaFieldOf(name: string, key: string, values: QuotaValues | undefined): string | undefined {
  const i = QUOTA_FIELDS.findIndex((f) => f.key === key);
  if (i >= 0) return `${name}.fields.${i}.amount`;
  const j = values?.other.findIndex((r) => r.key.trim() === key) ?? -1;
  return j >= 0 ? `${name}.other.${j}.value` : undefined;
}

const unitLabel = (unit: string, kind: QuantityKind, t: Translate) =>
  unit === "" ? (kind === "cpu" ? t("forms.unit.cores") : kind === "bytes" ? t("forms.unit.bytes") : "") : unit === "m" ? t("forms.unit.millicores") : unit;
const readable = (value: string, kind: QuantityKind, t: Translate) => {
  const { amount, unit } = splitQuantity(value, kind);
  return `${amount} ${unitLabel(unit, kind, t)}`.trim();
};

/**
 * A quota as fields: CPU in cores or millicores, memory and storage in Mi or Gi, object counts; beside each the
 * pool's `headroom` for the key and, with `describe`, whether it is set here or inherited. Other keys below.
 */
export function QuotaFields<B>({ form, name, label, headroom, describe, inherited }: {
  form: ZodForm<QuotaFormValues, B>;
  name: string;
  label: string;
  headroom?: ResourceMap | null;
  describe?: (source: string) => string;
  /** Sources whose rows cannot be removed (they would come back, inherited). */
  inherited?: (source: string | undefined) => boolean;
}) {
  const t = useT();
  const id = useId();
  const values = form.watch(name);
  const errorAt = (path: string) => (get(form.formState.errors, path) as FieldError | undefined)?.message;
  const makeOwn = (i: number) => ({ onChange: () => form.setValue(`${name}.fields.${i}.source`, "project") });
  const other = values?.other ?? [];
  return (
    <div className="space-y-4">
      {GROUPS.map(([group, groupLabel]) => (
        <fieldset key={group} className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">{t(groupLabel)}</legend>
          {QUOTA_FIELDS.map((f, i) => {
            if (f.group !== group) return null;
            const kind = kindOf(f.key);
            const error = errorAt(`${name}.fields.${i}.amount`);
            const source = values?.fields[i]?.source;
            return (
              <div key={f.key} className="space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="w-52 text-sm text-zinc-700">
                    {t(f.label)} <span className="font-mono text-xs text-zinc-500">{f.key}</span>
                  </span>
                  <input
                    aria-label={t("quota.valueAria", { label, key: f.key })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-${i}-error` : undefined}
                    inputMode="decimal"
                    autoComplete="off"
                    className="w-28 rounded-md px-3 py-1.5 font-mono text-sm ring-1 ring-zinc-300 aria-invalid:ring-red-500"
                    {...form.register(`${name}.fields.${i}.amount`, makeOwn(i))}
                  />
                  {UNITS[kind].length > 1 && (
                    <select aria-label={t("forms.unitOf", { key: f.key })} className="rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-300" {...form.register(`${name}.fields.${i}.unit`, makeOwn(i))}>
                      {UNITS[kind].map((u) => (
                        <option key={u} value={u}>{unitLabel(u, kind, t)}</option>
                      ))}
                    </select>
                  )}
                  {headroom?.[f.key] !== undefined && (
                    <span data-testid={`headroom-${f.key}`} className="text-xs text-zinc-600">{t("forms.headroom", { value: readable(headroom[f.key]!, kind, t) })}</span>
                  )}
                  {describe && source && <SourceBadge text={describe(source)} own={source === "project"} />}
                </div>
                {error && <p id={`${id}-${i}-error`} className="text-xs text-red-600">{error}</p>}
              </div>
            );
          })}
        </fieldset>
      ))}
      <ResourceMapEditor
        label={t("forms.quota.other")}
        keys={OTHER_KEYS}
        rows={other}
        onChange={(rows) => form.setValue(`${name}.other`, rows, { shouldValidate: form.formState.isSubmitted })}
        errors={Object.fromEntries(other.map((r, j) => [r.key, errorAt(`${name}.other.${j}.value`)]).filter(([, m]) => m))}
        describe={describe}
        inherited={inherited}
      />
    </div>
  );
}
