"use client";
import type { FormEvent } from "react";
import type { AuditFilters } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

/** Filters apply on submit, so typing does not fire a search per keystroke. */
export function AuditFilterForm({ value, onApply }: { value: AuditFilters; onApply: (next: AuditFilters) => void }) {
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    onApply({ user: text("user"), workspace: text("workspace"), outcome: text("outcome") as AuditFilters["outcome"], q: text("q") });
  }

  return (
    <form role="search" aria-label="Filter audit events" onSubmit={onSubmit} className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="User" name="user" defaultValue={value.user} autoComplete="off" />
        <TextField label="Workspace" name="workspace" defaultValue={value.workspace} autoComplete="off" />
        <SelectField label="Outcome" name="outcome" defaultValue={value.outcome ?? ""}>
          <option value="">Any</option>
          <option value="success">success</option>
          <option value="denied">denied</option>
          <option value="failure">failure</option>
        </SelectField>
        <TextField label="Text" name="q" defaultValue={value.q} autoComplete="off" placeholder="Action, name, reason…" />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={() => onApply({})}>
          Clear
        </Button>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
