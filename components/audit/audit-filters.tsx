"use client";
import { useState, type FormEvent } from "react";
import { FILTER_KEYS, RANGE_PRESETS, type AuditFilters } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

/** Filters apply on submit, so typing does not fire a search per keystroke. `fixed` filters (a page's scope) are not editable. */
export function AuditFilterForm({ value, fixed = {}, onApply }: { value: AuditFilters; fixed?: AuditFilters; onApply: (next: AuditFilters) => void }) {
  const [range, setRange] = useState(value.range ?? (value.from || value.to ? "custom" : ""));

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
    <form role="search" aria-label="Filter audit events" onSubmit={onSubmit} className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Time" name="range" value={range} onChange={(e) => setRange(e.target.value)}>
          <option value="">Any time</option>
          {Object.entries(RANGE_PRESETS).map(([k, p]) => (
            <option key={k} value={k}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </SelectField>
        {range === "custom" && (
          <>
            <TextField label="From" name="from" type="datetime-local" defaultValue={value.from ?? ""} />
            <TextField label="To" name="to" type="datetime-local" defaultValue={value.to ?? ""} />
          </>
        )}
        {text("user", "User", "alice or ali*")}
        {text("workspace", "Workspace")}
        {text("project", "Project")}
        {text("cluster", "Cluster")}
        {text("resource", "Resource type", "pods, workspaces…")}
        {text("name", "Resource name contains")}
        {text("verb", "Verb or action", "delete, project.create…")}
        {text("status", "Status", "403 or 4xx")}
        <SelectField label="Outcome" name="outcome" defaultValue={value.outcome ?? ""}>
          <option value="">Any</option>
          <option value="success">success</option>
          <option value="denied">denied</option>
          <option value="failure">failure</option>
        </SelectField>
        {text("ip", "Source IP")}
        <SelectField label="Source" name="source" defaultValue={value.source ?? ""}>
          <option value="">Console and Kubernetes</option>
          <option value="console">Console</option>
          <option value="kubernetes">Kubernetes</option>
        </SelectField>
        {text("q", "Text", "Action, name, reason…")}
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={() => onApply({ ...fixed })}>
          Clear
        </Button>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
