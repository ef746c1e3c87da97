"use client";
import dynamic from "next/dynamic";
import type { AuditHistogram as Histogram } from "@/lib/client/types";
import { useFormat } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { SERIES } from "./histogram-series";

// The plot's height (audit-histogram-chart's HEIGHT), kept while its code or its data is on the way.
const ChartSpace = () => <div className="h-[180px]" />;

// The plot and its library load after the page: the histogram sits under the filters, below the fold.
const Chart = dynamic(() => import("./audit-histogram-chart"), { ssr: false, loading: ChartSpace });

const intervals: Record<string, MessageKey> = {
  "1m": "audit.interval.1m",
  "5m": "audit.interval.5m",
  "15m": "audit.interval.15m",
  "1h": "audit.interval.1h",
  "6h": "audit.interval.6h",
  "1d": "audit.interval.1d",
};

/**
 * Events over time: stacked bars per interval with time and count axes and a legend. Dragging across the plot
 * narrows the time filter to that span (`onZoom`); `onReset` (when given) restores the filter from before.
 * The non-empty buckets are also a table for screen readers. Without `data` (still loading) it is drawn empty at
 * its full size, so what is under it does not move when the counts arrive.
 */
export function AuditHistogram({ data, onZoom, onReset }: { data?: Histogram; onZoom: (fromMs: number, toMs: number) => void; onReset?: () => void }) {
  const t = useT();
  const { formatDateTime, formatNumber } = useFormat();
  const total = data?.buckets.reduce((n, b) => n + b.count, 0) ?? 0;
  return (
    <figure className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200" aria-label={t("audit.overTime")} aria-busy={!data || undefined}>
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-zinc-500">
        <span>
          {data && t(total === 1 ? "audit.totalOne" : "audit.total", { count: formatNumber(total), interval: intervals[data.interval] ? t(intervals[data.interval]) : data.interval })}
        </span>
        <span className="flex flex-wrap gap-x-3" data-testid="histogram-legend">
          {SERIES.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1">
              <span aria-hidden className={`inline-block size-2.5 rounded-sm ${s.swatch}`} />
              {t(s.label)}
            </span>
          ))}
        </span>
        <span>{data && `${formatDateTime(data.from)} – ${formatDateTime(data.to)}`}</span>
      </figcaption>
      {data ? <Chart data={data} onZoom={onZoom} /> : <ChartSpace />}
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-zinc-500">
        <span>{t("histogram.dragHint")}</span>
        {onReset && (
          <Button variant="ghost" onClick={onReset}>
            {t("histogram.resetZoom")}
          </Button>
        )}
      </div>
      {/* In a box: a table ignores sr-only's 1 px width and, though clipped, widened a phone's page. */}
      {data && (
        <div className="sr-only">
          <table>
            <caption>{t("audit.overTime")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("histogram.from")}</th>
                <th scope="col">{t("histogram.events")}</th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col">
                    {t(s.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.buckets
                .filter((b) => b.count > 0)
                .map((b) => (
                  <tr key={b.start}>
                    <td>{formatDateTime(b.start)}</td>
                    <td>{b.count}</td>
                    {SERIES.map((s) => (
                      <td key={s.key}>{s.count(b)}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
