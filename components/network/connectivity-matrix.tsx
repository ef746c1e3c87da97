"use client";
import type { ConnectivityMatrix, Reach } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n";

const STYLE: Record<Reach["state"], string> = {
  allowed: "bg-emerald-100 text-emerald-900",
  partial: "bg-amber-100 text-amber-900",
  denied: "bg-red-100 text-red-900",
};
const SYMBOL: Record<Reach["state"], string> = { allowed: "✓", partial: "◐", denied: "✕" };

const STATE: Record<Reach["state"], MessageKey> = { allowed: "net.state.allowed", partial: "net.state.partial", denied: "net.state.denied" };

function describe(t: Translate, from: string, to: string, r: Reach): string {
  const state = (s: Reach["state"]) => (STATE[s] ? t(STATE[s]) : s);
  const ports = r.ports ? t("net.onPorts", { ports: r.ports.join(", ") }) : "";
  const why = r.policies.length ? t("net.policies", { names: r.policies.join(", ") }) : t("net.noPolicy");
  return t("net.describe", { from, to, state: state(r.state), ports, egress: state(r.egress.state), ingress: state(r.ingress.state), why });
}

/** Rows are sources, columns destinations; each cell says whether traffic flows and on which ports. */
export function ConnectivityMatrixTable({ matrix }: { matrix: ConnectivityMatrix }) {
  const t = useT();
  return (
    <div className="overflow-x-auto">
      <table className="text-xs" aria-label={t("net.matrixAria", { cluster: matrix.cluster })}>
        <thead>
          <tr>
            <th scope="col" className="p-2 text-left text-zinc-500">{t("net.fromTo")}</th>
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
                  <td key={to} title={describe(t, from, to, r)} data-testid={`reach-${from}-${to}`} data-state={r.state} className={`p-2 text-center ${STYLE[r.state]}`}>
                    <span aria-hidden>{SYMBOL[r.state]}</span>
                    <span className="sr-only">{describe(t, from, to, r)}</span>
                    {r.ports && <span className="ml-1 font-mono">{r.ports.join(" ")}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500">{t("net.legend")}</p>
    </div>
  );
}
