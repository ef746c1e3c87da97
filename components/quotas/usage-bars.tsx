"use client";
import type { ReactNode } from "react";
import type { ResourceMap } from "@/lib/client/types";
import { MeterLegend, UsageMeter } from "@/components/charts/usage-meter";
import { useT } from "@/lib/i18n/client";

/**
 * One bar per key: what is used, what is allocated (a project's quota, or the shares a pool has handed out) and the
 * workspace's pool it comes from, where the key is pooled; `notes` beside a key (where its value comes from).
 */
export function UsageBars({ label, keys, used, allocated, pool, notes }: { label: string; keys?: string[]; used: ResourceMap | null; allocated: ResourceMap; pool?: ResourceMap | null; notes?: Record<string, ReactNode> }) {
  const t = useT();
  const shown = [...(keys ?? Object.keys(allocated))].sort();
  if (!shown.length) return <p className="text-sm text-zinc-500">{t("quota.noLimits")}</p>;
  return (
    <>
      <MeterLegend used={t("charts.used")} limit={t("charts.allocated")} total={pool && Object.keys(pool).length ? t("charts.pool") : undefined} />
      <ul aria-label={label} className="space-y-3">
        {shown.map((k) => {
          const text = [
            used ? t("quota.used", { value: used[k] ?? "0" }) : t("quota.unavailable"),
            t("quota.allocated", { value: allocated[k] ?? "0" }),
            pool?.[k] !== undefined ? t("charts.poolValue", { value: pool[k] }) : null,
          ]
            .filter(Boolean)
            .join(" · ");
          return <UsageMeter key={k} testId={`usage-${k}`} name={k} note={notes?.[k]} value={{ used: used ? (used[k] ?? "0") : null, limit: allocated[k] ?? "0", total: pool?.[k] }} text={text} />;
        })}
      </ul>
    </>
  );
}
