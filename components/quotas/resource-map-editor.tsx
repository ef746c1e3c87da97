"use client";
import { useId } from "react";
import type { ResourceMap } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export const QUOTA_KEYS = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "requests.storage", "pods", "services", "persistentvolumeclaims", "services.loadbalancers", "services.nodeports", "count/deployments.apps", "count/configmaps", "count/secrets"];
export const CONTAINER_KEYS = ["cpu", "memory", "ephemeral-storage"];

/** `source`: where a value in effect comes from, while it is unchanged (an edited row is set here). */
export type Row = { key: string; value: string; source?: string };
export const toRows = (m: ResourceMap | null | undefined, sources?: Record<string, string>): Row[] =>
  Object.entries(m ?? {}).map(([key, value]) => ({ key, value, ...(sources?.[key] ? { source: sources[key] } : {}) }));
export const toMap = (rows: Row[]): ResourceMap => Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value.trim()]));

/**
 * Key → quantity rows (a ResourceQuota `hard` or a LimitRange map), with the usual keys suggested. With `describe`,
 * a row with a source says where its value comes from (set here, inherited…); `inherited` rows cannot be removed.
 */
export function ResourceMapEditor({ label, rows, onChange, keys = QUOTA_KEYS, errors = {}, describe, inherited = () => false }: {
  label: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  keys?: string[];
  errors?: Record<string, string>;
  describe?: (source: string) => string;
  inherited?: (source: string | undefined) => boolean;
}) {
  const t = useT();
  const id = useId();
  const listId = `keys-${id}`;
  // Editing a row makes its value this scope's own.
  const set = (i: number, patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { key: r.key, value: r.value, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      <datalist id={listId}>{keys.map((k) => <option key={k} value={k} />)}</datalist>
      {rows.map((r, i) => (
        <div key={i} className="space-y-1">
          <div className="flex gap-2">
            <input aria-label={t("quota.resourceAria", { label, n: i + 1 })} list={listId} value={r.key} onChange={(e) => set(i, { key: e.target.value })} placeholder="requests.cpu" className="w-56 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            <input aria-label={t("quota.valueAria", { label, key: r.key || t("quota.valueN", { n: i + 1 }) })} value={r.value} onChange={(e) => set(i, { value: e.target.value })} placeholder="2" className="w-32 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            {inherited(r.source) ? (
              <span className="w-9" />
            ) : (
              <Button variant="ghost" aria-label={t("ui.removeNamed", { name: r.key || t("quota.row") })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</Button>
            )}
            {describe && <SourceBadge text={describe(r.source ?? "project")} own={(r.source ?? "project") === "project"} />}
          </div>
          {errors[r.key] && <p className="text-xs text-red-600">{errors[r.key]}</p>}
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { key: "", value: "" }])}>{t("quota.addEntry", { label: label.toLowerCase() })}</Button>
    </fieldset>
  );
}

/** "set here" or where an inherited value comes from, beside the value. */
export function SourceBadge({ text, own }: { text: string; own: boolean }) {
  return <span className={`self-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${own ? "bg-indigo-50 text-indigo-800" : "bg-zinc-100 text-zinc-600"}`}>{text}</span>;
}
