"use client";
// Status as text plus colour, never colour alone.
import { useT } from "@/lib/i18n/client";
import { word } from "@/lib/i18n/words";
type Tone = "green" | "amber" | "red" | "zinc" | "orange";

const toneFor: Record<string, Tone> = {
  ready: "green",
  active: "green",
  success: "green",
  pending: "amber",
  unknown: "zinc",
  terminating: "orange",
  denied: "orange",
  down: "red",
  notReady: "red",
  disabled: "red",
  error: "red",
  failure: "red",
};

const tones: Record<Tone, string> = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  orange: "bg-orange-50 text-orange-700 ring-orange-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-500/20",
};

const dots: Record<Tone, string> = {
  green: "bg-emerald-500",
  amber: "bg-amber-500 animate-pulse",
  orange: "bg-orange-500 animate-pulse",
  red: "bg-red-500",
  zinc: "bg-zinc-400",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const tone = toneFor[status] ?? "zinc";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dots[tone]}`} />
      {word(t, "status", status)}
    </span>
  );
}
