"use client";
import { parseQuantity } from "@/sim/quantity";
import type { ReactNode } from "react";
import type { ResourceMap } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";

/** used / limit as a percentage (0–100), exact on Kubernetes quantities. */
function percent(used: string | undefined, limit: string): number {
  try {
    const l = parseQuantity(limit).nanos;
    if (l === 0n) return used && parseQuantity(used).nanos > 0n ? 100 : 0;
    return Math.min(100, Number((parseQuantity(used ?? "0").nanos * 1000n) / l) / 10);
  } catch {
    return 0;
  }
}

/** One bar per key: how much is used (and, for a pool, how much is handed out to projects); `notes` beside a key (where its limit comes from). */
export function UsageBars({ hard, used, allocated, label, notes }: { hard: ResourceMap; used: ResourceMap | null; allocated?: ResourceMap; label: string; notes?: Record<string, ReactNode> }) {
  const t = useT();
  const keys = Object.keys(hard).sort();
  if (!keys.length) return <p className="text-sm text-zinc-500">{t("quota.noLimits")}</p>;
  return (
    <ul aria-label={label} className="space-y-3">
      {keys.map((k) => {
        const usedPct = percent(used?.[k], hard[k]!);
        const allocPct = allocated ? percent(allocated[k], hard[k]!) : undefined;
        return (
          <li key={k} data-testid={`usage-${k}`}>
            <div className="flex justify-between text-xs text-zinc-600">
              <span>
                <span className="font-mono">{k}</span> {notes?.[k]}
              </span>
              <span>
                {used ? t("quota.used", { value: used[k] ?? "0" }) : t("quota.unavailable")}
                {allocated && ` · ${t("quota.allocated", { value: allocated[k] ?? "0" })}`} · {t("quota.limit", { value: hard[k]! })}
              </span>
            </div>
            <div className="relative mt-1 h-2 overflow-hidden rounded bg-zinc-100" role="meter" aria-label={k} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(usedPct)}>
              {allocPct !== undefined && <div className="absolute inset-y-0 left-0 bg-indigo-200" style={{ width: `${allocPct}%` }} />}
              <div className={`absolute inset-y-0 left-0 ${usedPct >= 90 ? "bg-red-500" : "bg-indigo-600"}`} style={{ width: `${usedPct}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
