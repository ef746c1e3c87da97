"use client";
import { useId, useState } from "react";
import { useFormat } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";

const HOUR = 3_600_000;
// Presets measured from the moment the form is sent, as "for 8 hours" means.
const PRESETS = [
  { id: "8h", ms: 8 * HOUR },
  { id: "7d", ms: 7 * 24 * HOUR },
  { id: "30d", ms: 30 * 24 * HOUR },
] as const;

export type Expiry = { kind: "never" } | { kind: "preset"; ms: number } | { kind: "at"; local: string };

/** The instant an expiry choice means now: null for never, an ISO string otherwise ("" for an unfinished date). */
export function expiryInstant(e: Expiry): string | null {
  if (e.kind === "never") return null;
  if (e.kind === "preset") return new Date(Date.now() + e.ms).toISOString();
  // datetime-local is the viewer's local time; the API takes an instant with its offset.
  return e.local ? new Date(e.local).toISOString() : "";
}

/** The choice for an existing expiry: a date and time, or never. */
export const expiryOf = (iso: string | null): Expiry => (iso ? { kind: "at", local: toLocalInput(new Date(iso)) } : { kind: "never" });

function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** When access ends: never, a preset (8 hours, 7 days, 30 days) or a date and time of one's choosing. */
export function ExpiryPicker({ value, onChange, error }: { value: Expiry; onChange: (e: Expiry) => void; error?: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const id = useId();
  const [now] = useState(() => Date.now());
  const selected = value.kind === "never" ? "never" : value.kind === "at" ? "at" : PRESETS.find((p) => p.ms === value.ms)?.id;
  const option = (key: string, label: string, next: Expiry) => (
    <label key={key} className="flex items-center gap-1.5 text-sm text-zinc-800">
      <input type="radio" name={id} checked={selected === key} onChange={() => onChange(next)} className="text-indigo-600 focus:ring-indigo-600" />
      {label}
    </label>
  );
  return (
    <fieldset className="space-y-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="block text-sm font-medium text-zinc-800">{t("expiry.label")}</legend>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {option("never", t("expiry.never"), { kind: "never" })}
        {PRESETS.map((p) => option(p.id, t(`expiry.preset.${p.id}`), { kind: "preset", ms: p.ms }))}
        {option("at", t("expiry.at"), value.kind === "at" ? value : { kind: "at", local: toLocalInput(new Date(now + 24 * HOUR)) })}
      </div>
      {value.kind === "at" && (
        <input
          type="datetime-local"
          aria-label={t("expiry.dateTime")}
          value={value.local}
          min={toLocalInput(new Date(now))}
          onChange={(e) => onChange({ kind: "at", local: e.target.value })}
          className="block rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
        />
      )}
      {value.kind === "preset" && <p className="text-xs text-zinc-500">{t("expiry.endsAt", { at: formatDateTime(new Date(now + value.ms).toISOString()) })}</p>}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** "Never", or the date and time access ends. */
export function ExpiryText({ expiresAt }: { expiresAt: string | null }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  return expiresAt ? <time dateTime={expiresAt}>{formatDateTime(expiresAt)}</time> : <>{t("expiry.never")}</>;
}
