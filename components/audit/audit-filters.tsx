"use client";
import { useState, type FormEvent } from "react";
import { FILTER_KEYS, RANGE_PRESETS, type AuditFilters } from "@/lib/client/audit-filters";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FiltersButton, useFilterFold } from "@/components/ui/filter-fold";
import { useT } from "@/lib/i18n/client";

/**
 * Filters apply on submit, so typing does not fire a search per keystroke. `fixed` filters (a page's scope) are not
 * editable. On a phone the form folds behind a "Filters" button.
 */
export function AuditFilterForm({ value, fixed = {}, onApply }: { value: AuditFilters; fixed?: AuditFilters; onApply: (next: AuditFilters) => void }) {
  const t = useT();
  const [range, setRange] = useState(value.range ?? (value.from || value.to ? "custom" : ""));
  const fold = useFilterFold();
  const set = Object.entries(value).filter(([k, v]) => v && !(k in fixed)).length;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const v = String(form.get(key) ?? "").trim();
      if (v) next[key] = v;
    }
    if (next.range === "custom") delete next.range;
    else {
      delete next.from;
      delete next.to;
    }
    onApply({ ...next, ...fixed });
  }

  const text = (name: keyof AuditFilters, label: string, placeholder?: string) => (
    <TextField label={label} name={name} defaultValue={value[name] ?? ""} autoComplete="off" placeholder={placeholder} disabled={name in fixed} />
  );

  return (
    <>
      <div className="mb-4 sm:hidden">
        <FiltersButton fold={fold} count={set} />
      </div>
      <form id={fold.id} role="search" aria-label={t("audit.filterAria")} onSubmit={onSubmit} className={`mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 ${fold.className}`}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label={t("audit.time")} name="range" value={range} onChange={(e) => setRange(e.target.value)}>
            <option value="">{t("audit.anyTime")}</option>
            {Object.entries(RANGE_PRESETS).map(([k, p]) => (
              <option key={k} value={k}>
                {t(p.label)}
              </option>
            ))}
            <option value="custom">{t("audit.customRange")}</option>
          </SelectField>
          {range === "custom" && (
            <>
              <TextField label={t("audit.from")} name="from" type="datetime-local" defaultValue={value.from ?? ""} />
              <TextField label={t("audit.to")} name="to" type="datetime-local" defaultValue={value.to ?? ""} />
            </>
          )}
          {text("user", t("audit.user"), t("audit.userPlaceholder"))}
          {text("workspace", t("audit.workspace"))}
          {text("project", t("audit.project"))}
          {text("cluster", t("common.cluster"))}
          {text("resource", t("audit.resource"), t("audit.resourcePlaceholder"))}
          {text("name", t("audit.name"))}
          {text("verb", t("audit.verb"), t("audit.verbPlaceholder"))}
          {text("status", t("common.status"), t("audit.statusPlaceholder"))}
          <SelectField label={t("audit.outcome")} name="outcome" defaultValue={value.outcome ?? ""}>
            <option value="">{t("audit.any")}</option>
            <option value="success">{t("status.success")}</option>
            <option value="denied">{t("status.denied")}</option>
            <option value="failure">{t("status.failure")}</option>
          </SelectField>
          {text("ip", t("audit.ip"))}
          <SelectField label={t("audit.source")} name="source" defaultValue={value.source ?? ""}>
            <option value="">{t("audit.sourceAll")}</option>
            <option value="console">{t("audit.sourceConsole")}</option>
            <option value="kubernetes">{t("audit.sourceKubernetes")}</option>
          </SelectField>
          {text("q", t("audit.text"), t("audit.textPlaceholder"))}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onApply({ ...fixed })}>
            {t("audit.clear")}
          </Button>
          <Button type="submit" variant="secondary">
            {t("audit.apply")}
          </Button>
        </div>
      </form>
    </>
  );
}
