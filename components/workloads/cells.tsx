"use client";
// How a workload row's fields read in a table cell or a detail list: times as kubectl's ages (the exact time on
// hover), phases and states in the console's language, key lists joined, an event's object linked to its own page
// when the console shows that kind.
import Link from "next/link";
import type { ReactNode } from "react";
import { useFormat } from "@/lib/client/format";
import { kindOf } from "@/lib/schemas/workload-kinds";
import type { Translate } from "@/lib/i18n";
import { word } from "@/lib/i18n/words";

const TIMES = new Set(["createdAt", "lastSeen", "startedAt", "completedAt", "lastScheduledAt"]);

/** kubectl's AGE: 45s, 3m, 5h, 2d. */
export function age(iso: string | null, now = Date.now()): string {
  if (!iso) return "—";
  const s = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

/** An age, with the exact time in the console's language on hover. */
function Age({ iso }: { iso: string }) {
  const { formatDateTime } = useFormat();
  return (
    // The age is counted from now: the server's render and the browser's hydration count a moment apart.
    <time dateTime={iso} title={formatDateTime(iso)} suppressHydrationWarning>
      {age(iso)}
    </time>
  );
}

export const objectHref = (ws: string, project: string, kind: string, name: string) => `/workspaces/${ws}/projects/${project}/workloads/${kind}/${encodeURIComponent(name)}`;

export function cell(key: string, value: unknown, t: Translate, at: { ws: string; project: string }): ReactNode {
  if (value === null || value === undefined || value === "") return "—";
  if (TIMES.has(key)) return <Age iso={String(value)} />;
  if (key === "phase" || key === "status") return word(t, "phase", String(value));
  if (key === "state") return word(t, "containerState", String(value));
  if (typeof value === "boolean") return value ? t("wl.yes") : t("wl.no");
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  if (key === "type" && value === "Warning") return <span className="font-medium text-amber-700">{value}</span>;
  if (key === "object") {
    const [objectKind, name] = String(value).split("/");
    const kind = kindOf(objectKind ?? "");
    return kind && name ? <Link className="font-mono text-indigo-700 hover:underline" href={objectHref(at.ws, at.project, kind, name)}>{String(value)}</Link> : <span className="font-mono">{String(value)}</span>;
  }
  return String(value);
}
