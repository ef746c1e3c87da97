"use client";
import type { ConnectivityMatrix, Reach } from "@/lib/client/types";

const STYLE: Record<Reach["state"], string> = {
  allowed: "bg-emerald-100 text-emerald-900",
  partial: "bg-amber-100 text-amber-900",
  denied: "bg-red-100 text-red-900",
};
const SYMBOL: Record<Reach["state"], string> = { allowed: "✓", partial: "◐", denied: "✕" };

function describe(from: string, to: string, r: Reach): string {
  const ports = r.ports ? ` on ${r.ports.join(", ")}` : "";
  const why = r.policies.length ? ` (policies: ${r.policies.join(", ")})` : " (no policy applies)";
  return `${from} → ${to}: ${r.state}${ports}; egress ${r.egress.state}, ingress ${r.ingress.state}${why}`;
}

/** Rows are sources, columns destinations; each cell says whether traffic flows and on which ports. */
export function ConnectivityMatrixTable({ matrix }: { matrix: ConnectivityMatrix }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-xs" aria-label={`Connectivity on cluster ${matrix.cluster}`}>
        <thead>
          <tr>
            <th scope="col" className="p-2 text-left text-zinc-500">from ↓ to →</th>
            {matrix.nodes.map((n) => <th key={n} scope="col" className="p-2 font-mono font-medium">{n}</th>)}
          </tr>
        </thead>
        <tbody>
          {matrix.nodes.map((from) => (
            <tr key={from}>
              <th scope="row" className="p-2 text-left font-mono font-medium">{from}</th>
              {matrix.nodes.map((to) => {
                const r = matrix.cells[from]?.[to];
                if (!r) return <td key={to} className="p-2 text-center text-zinc-300">—</td>;
                return (
                  <td key={to} title={describe(from, to, r)} data-testid={`reach-${from}-${to}`} data-state={r.state} className={`p-2 text-center ${STYLE[r.state]}`}>
                    <span aria-hidden>{SYMBOL[r.state]}</span>
                    <span className="sr-only">{describe(from, to, r)}</span>
                    {r.ports && <span className="ml-1 font-mono">{r.ports.join(" ")}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500">✓ every pod · ◐ depends on pod labels · ✕ blocked. Read from the NetworkPolicies in the cluster, including ones made with kubectl.</p>
    </div>
  );
}
