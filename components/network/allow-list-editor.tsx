"use client";
import type { AllowEntry } from "@/lib/client/types";
import { Button } from "@/components/ui/button";

type Kind = "project" | "workspace" | "cidr";
const kindOf = (e: AllowEntry): Kind => (e.project !== undefined ? "project" : e.workspace !== undefined ? "workspace" : "cidr");
const portsText = (e: AllowEntry) => (e.ports ?? []).map((p) => `${p.port}${p.protocol && p.protocol !== "TCP" ? `/${p.protocol}` : ""}`).join(", ");
function parsePorts(text: string): AllowEntry["ports"] {
  const ports = text.split(/[,\s]+/).filter(Boolean).map((p) => {
    const [port, protocol] = p.split("/");
    return { port: /^\d+$/.test(port!) ? Number(port) : port!, protocol: (protocol?.toUpperCase() as "TCP" | "UDP" | "SCTP" | undefined) ?? "TCP" };
  });
  return ports.length ? ports : undefined;
}

/** Peers a project admits (or may reach): another project, a whole workspace or a CIDR, optionally on some ports. */
export function AllowListEditor({ label, entries, onChange }: { label: string; entries: AllowEntry[]; onChange: (e: AllowEntry[]) => void }) {
  const set = (i: number, e: AllowEntry) => onChange(entries.map((x, j) => (j === i ? e : x)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">{label}</legend>
      {entries.map((e, i) => {
        const kind = kindOf(e);
        const value = e[kind] ?? "";
        return (
          <div key={i} className="flex flex-wrap gap-2">
            <select aria-label={`${label} ${i + 1} kind`} value={kind} onChange={(ev) => set(i, { [ev.target.value]: value, ports: e.ports })} className="rounded-md px-2 py-1.5 text-sm ring-1 ring-zinc-300">
              <option value="project">project</option>
              <option value="workspace">workspace</option>
              <option value="cidr">CIDR</option>
            </select>
            <input aria-label={`${label} ${i + 1} ${kind}`} value={value} onChange={(ev) => set(i, { ...e, [kind]: ev.target.value })} className="w-48 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            <input aria-label={`${label} ${i + 1} ports`} placeholder="ports, e.g. 80, 53/UDP" defaultValue={portsText(e)} onBlur={(ev) => set(i, { ...e, ports: parsePorts(ev.target.value) })} className="w-48 rounded-md px-3 py-1.5 text-sm font-mono ring-1 ring-zinc-300" />
            <Button variant="ghost" aria-label={`Remove ${label} ${i + 1}`} onClick={() => onChange(entries.filter((_, j) => j !== i))}>×</Button>
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => onChange([...entries, { project: "" }])}>Add to {label.toLowerCase()}</Button>
    </fieldset>
  );
}
