"use client";
import type { AuditHistogram as Histogram } from "@/lib/client/types";
import { formatDateTime } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";

const intervals: Record<string, MessageKey> = {
  "1m": "audit.interval.1m",
  "5m": "audit.interval.5m",
  "15m": "audit.interval.15m",
  "1h": "audit.interval.1h",
  "6h": "audit.interval.6h",
  "1d": "audit.interval.1d",
};

/** Events over time as bars (denied and failed stacked in colour); each bar names its bucket and counts. */
export function AuditHistogram({ data }: { data: Histogram }) {
  const t = useT();
  const max = Math.max(1, ...data.buckets.map((b) => b.count));
  const total = data.buckets.reduce((n, b) => n + b.count, 0);
  return (
    <figure className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200" aria-label={t("audit.overTime")}>
      <figcaption className="mb-2 flex flex-wrap justify-between gap-x-4 text-xs text-zinc-500">
        <span>
          {t(total === 1 ? "audit.totalOne" : "audit.total", { count: total, interval: intervals[data.interval] ? t(intervals[data.interval]) : data.interval })}
        </span>
        <span>
          {formatDateTime(data.from)} – {formatDateTime(data.to)}
        </span>
      </figcaption>
      <div className="flex h-24 items-end gap-px" data-testid="audit-histogram">
        {data.buckets.map((b) => {
          const other = b.count - b.denied - b.failed;
          return (
            <div key={b.start} className="flex h-full flex-1 flex-col justify-end" title={t("audit.bucket", { time: formatDateTime(b.start), count: b.count, denied: b.denied, failed: b.failed })}>
              <div className="bg-red-400" style={{ height: `${(b.denied / max) * 100}%` }} />
              <div className="bg-amber-400" style={{ height: `${(b.failed / max) * 100}%` }} />
              <div className="bg-indigo-400" style={{ height: `${(other / max) * 100}%` }} />
            </div>
          );
        })}
      </div>
    </figure>
  );
}
