import type { AuditHistogram } from "@/lib/client/types";
import type { MessageKey } from "@/lib/i18n";

type Bucket = AuditHistogram["buckets"][number];

/** The histogram's series, first in the legend first: one colour each, in the legend and on the plot. */
export const SERIES: { key: string; label: MessageKey; color: string; swatch: string; count: (b: Bucket) => number }[] = [
  { key: "success", label: "status.success", color: "indigo-400", swatch: "bg-indigo-400", count: (b) => b.count - b.denied - b.failed },
  { key: "failure", label: "status.failure", color: "amber-400", swatch: "bg-amber-400", count: (b) => b.failed },
  { key: "denied", label: "status.denied", color: "red-400", swatch: "bg-red-400", count: (b) => b.denied },
];

/** A span dragged on the histogram as the time filter's from/to: whole minutes, as datetime-local values in the browser's time zone. */
export function zoomedRange(fromMs: number, toMs: number): { from: string; to: string } {
  const start = Math.floor(fromMs / 60_000) * 60_000;
  const end = Math.max(Math.ceil(toMs / 60_000) * 60_000, start + 60_000);
  return { from: localMinute(start), to: localMinute(end) };
}

function localMinute(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
