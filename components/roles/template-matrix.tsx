"use client";
import { useId } from "react";
import type { Template } from "@/lib/client/types";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { impliedBy, type TemplateIndex } from "./role-selection";
import { useHasMessage, useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n";

const VERBS = ["view", "manage", "create"] as const;
const verbLabels: Record<(typeof VERBS)[number], MessageKey> = { view: "roles.verb.view", manage: "roles.verb.manage", create: "roles.verb.create" };

const verbOf = (t: Template) => t.name.slice(t.module.length + 1);
// A module the dictionaries do not name yet (a newer server) still reads as words.
function moduleName(module: string, t: Translate, has: (key: string) => boolean): string {
  const key = `module.${module}`;
  return has(key) ? t(key as MessageKey) : module.charAt(0).toUpperCase() + module.slice(1).replace(/-/g, " ");
}

interface MatrixProps {
  templates: Template[];
  index: TemplateIndex;
  chosen: Set<string>;
  /** What the editor holds at this scope; undefined while loading (nothing is marked then). */
  held?: Set<string>;
  readOnly?: boolean;
  onChange: (next: Set<string>) => void;
}

/** Templates as a module × verb checkbox matrix; dependencies show as implied, unheld templates as locked. */
export function TemplateMatrix({ templates, index, chosen, held, readOnly = false, onChange }: MatrixProps) {
  const tr = useT();
  const has = useHasMessage();
  const implied = impliedBy(chosen, index);
  const modules = [...new Set(templates.map((t) => t.module))];
  const verbs = VERBS.filter((v) => templates.some((t) => verbOf(t) === v));
  const find = (module: string, verb: string) => index.get(`${module}.${verb}`);

  function toggle(name: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  }

  return (
    <DataTable caption={tr("roles.matrix")}>
      <thead>
        <tr>
          <Th>{tr("roles.module")}</Th>
          {verbs.map((v) => (
            <Th key={v} className="capitalize">
              {tr(verbLabels[v])}
            </Th>
          ))}
        </tr>
      </thead>
      <TBody>
        {modules.map((module) => (
          <tr key={module}>
            <th scope="row" className="whitespace-nowrap px-4 py-3 text-left align-top text-sm font-medium text-zinc-900">
              {moduleName(module, tr, has)}
            </th>
            {verbs.map((verb) => {
              const t = find(module, verb);
              return (
                <Td key={verb} className="align-top">
                  {t && (
                    <TemplateCell
                      template={t}
                      checked={chosen.has(t.name) || implied.has(t.name)}
                      requiredBy={implied.get(t.name)}
                      unheld={held !== undefined && !held.has(t.name)}
                      chosen={chosen.has(t.name)}
                      readOnly={readOnly}
                      onToggle={(on) => toggle(t.name, on)}
                    />
                  )}
                </Td>
              );
            })}
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}

interface CellProps {
  template: Template;
  checked: boolean;
  chosen: boolean;
  requiredBy?: string[];
  unheld: boolean;
  readOnly: boolean;
  onToggle: (on: boolean) => void;
}

function TemplateCell({ template, checked, chosen, requiredBy, unheld, readOnly, onToggle }: CellProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const noteId = `${id}-note`;
  // An implied template goes away with what needs it; an unheld one can be dropped but not added.
  const disabled = readOnly || (!!requiredBy && !chosen) || (unheld && !chosen);
  const notes = [requiredBy && !chosen ? t("roles.impliedBy", { names: requiredBy.join(", ") }) : null, unheld ? t("roles.unheld") : null].filter(Boolean);
  if (readOnly) {
    // Reading a role (built-in, or no roles.manage): whether it grants the template, with no checkbox to click.
    return (
      <div className={`min-w-44 whitespace-normal text-sm ${checked ? "text-zinc-800" : "text-zinc-500"}`}>
        <span aria-hidden="true" className="mr-1">{checked ? "✓" : "–"}</span>
        <span className="sr-only">{t(checked ? "can.granted" : "can.notGranted")}: </span>
        {template.description[locale]}
        <span className="block font-mono text-xs text-zinc-500">{template.name}</span>
      </div>
    );
  }
  return (
    <label className={`flex min-w-44 gap-2 whitespace-normal ${disabled ? "cursor-not-allowed" : "cursor-pointer"}`}>
      <input
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-indigo-600"
        checked={checked}
        disabled={disabled}
        aria-labelledby={`${id}-label`}
        aria-describedby={notes.length ? noteId : undefined}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <span className="text-sm">
        <span id={`${id}-label`} className={unheld && !checked ? "text-zinc-500" : "text-zinc-800"}>{template.description[locale]}</span>
        <span className="block font-mono text-xs text-zinc-500">{template.name}</span>
        {notes.length > 0 && (
          <span id={noteId} className={`block text-xs ${unheld ? "text-amber-700" : "text-indigo-700"}`}>
            {notes.join(" · ")}
          </span>
        )}
      </span>
    </label>
  );
}
