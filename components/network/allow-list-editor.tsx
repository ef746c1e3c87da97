"use client";
import type { AllowEntry } from "@/lib/client/types";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

type Kind = "project" | "workspace" | "cidr";
const kindLabels: Record<Kind, MessageKey> = { project: "net.kind.project", workspace: "net.kind.workspace", cidr: "net.kind.cidr" };
const kindOf = (e: AllowEntry): Kind => (e.project !== undefined ? "project" : e.workspace !== undefined ? "workspace" : "cidr");
const portsText = (e: AllowEntry) => (e.ports ?? []).map((p) => `${p.port}${p.protocol && p.protocol !== "TCP" ? `/${p.protocol}` : ""}`).join(", ");
function parsePorts(text: string): AllowEntry["ports"] {
  const ports = text.split(/[,\s]+/).filter(Boolean).map((p) => {
    const [port, protocol] = p.split("/");
    return { port: /^\d+$/.test(port!) ? Number(port) : port!, protocol: (protocol?.toUpperCase() as "TCP" | "UDP" | "SCTP" | undefined) ?? "TCP" };
  });
  return ports.length ? ports : undefined;
}

/**
 * Peers a project admits (or may reach): another project, a whole workspace or a CIDR, optionally on some ports.
 * `readOnly` (a caller who may not change them) lists them as text: no inputs that look editable.
 */
export function AllowListEditor({ label, entries, onChange, readOnly = false, errorOf = () => undefined }: {
  label: string;
  entries: AllowEntry[];
  onChange: (e: AllowEntry[]) => void;
  readOnly?: boolean;
  /** What is wrong with entry i, shown under it. */
  errorOf?: (i: number) => string | undefined;
}) {
  const t = useT();
  const set = (i: number, e: AllowEntry) => onChange(entries.map((x, j) => (j === i ? e : x)));
  if (readOnly) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium text-zinc-800">{label}</p>
        {entries.length ? (
          <ul aria-label={label} className="space-y-1 text-sm">
            {entries.map((e, i) => (
              <li key={i}>
                {t(kindLabels[kindOf(e)])}: <span className="font-mono">{e[kindOf(e)]}</span>
                {e.ports?.length ? <span className="font-mono text-zinc-500"> ({portsText(e)})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500">{t("can.noEntries")}</p>
        )}
      </div>
    );
  }
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      {entries.map((e, i) => {
        const kind = kindOf(e);
        const value = e[kind] ?? "";
        const error = errorOf(i);
        return (
          <div key={i} className="space-y-1">
          <div className="flex flex-wrap gap-2">
            <select aria-label={t("net.kindAria", { label, n: i + 1 })} value={kind} onChange={(ev) => set(i, { [ev.target.value]: value, ports: e.ports })} className="rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-300">
              {(["project", "workspace", "cidr"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(kindLabels[k])}
                </option>
              ))}
            </select>
            <input aria-label={t("net.valueAria", { label, n: i + 1, kind: kind === "cidr" ? kind : t(kindLabels[kind]) })} value={value} onChange={(ev) => set(i, { ...e, [kind]: ev.target.value })} className="w-48 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            <input aria-label={t("net.portsAria", { label, n: i + 1 })} placeholder={t("net.portsPlaceholder")} defaultValue={portsText(e)} onBlur={(ev) => set(i, { ...e, ports: parsePorts(ev.target.value) })} className="w-48 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            <Button variant="ghost" aria-label={t("net.removeEntry", { label, n: i + 1 })} onClick={() => onChange(entries.filter((_, j) => j !== i))}>×</Button>
          </div>
          {error && <p className="text-xs text-red-600">{error}</p>}
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => onChange([...entries, { project: "" }])}>{t("net.addTo", { label: label.toLowerCase() })}</Button>
    </fieldset>
  );
}
