"use client";
import type { ReactNode } from "react";
import { parseQuantity } from "@/sim/quantity";

const nanos = (q: string | null | undefined): bigint => {
  try {
    return q ? parseQuantity(q).nanos : 0n;
  } catch {
    return 0n;
  }
};
/** `part` of `whole` in percent (two decimals), exact on Kubernetes quantities. */
const share = (part: bigint, whole: bigint) => (whole <= 0n ? 0 : Math.min(100, Number((part * 10_000n) / whole) / 100));

export interface MeterText {
  /** What is in use (null: the cluster did not say); the dark part of the bar. */
  used: string | null;
  /** What is set aside (a project's quota, a pool's shares, a node's allocatable); the light part. */
  limit: string;
  /** What it is taken from (a workspace's pool, a node's capacity); the whole track, when there is one. */
  total?: string;
}

/**
 * One resource as a bar: the track is the largest of the three, the light part what is set aside, the dark part what
 * is used (red from 90 % of what is set aside). The numbers are written beside it and are the meter's value text.
 */
export function UsageMeter({ name, note, value, text, testId }: { name: string; note?: ReactNode; value: MeterText; text: string; testId?: string }) {
  const used = nanos(value.used);
  const limit = nanos(value.limit);
  const total = nanos(value.total);
  const scale = [used, limit, total].reduce((a, b) => (b > a ? b : a), 0n);
  const usedOfLimit = limit > 0n ? share(used, limit) : used > 0n ? 100 : 0;
  return (
    <li data-testid={testId}>
      <div className="flex flex-wrap justify-between gap-x-4 text-xs text-zinc-600">
        <span>
          <span className="font-mono">{name}</span> {note}
        </span>
        <span>{text}</span>
      </div>
      <div
        className="relative mt-1 h-2.5 overflow-hidden rounded bg-zinc-100 ring-1 ring-inset ring-zinc-200"
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(usedOfLimit)}
        aria-valuetext={text}
      >
        {/* SVG width attributes, not style attributes: the CSP refuses those in server-rendered HTML (lib/web/csp.ts). */}
        <svg aria-hidden="true" className="absolute inset-0 size-full">
          <rect height="100%" width={`${share(limit, scale)}%`} className="fill-indigo-200" />
          {value.used !== null && <rect height="100%" width={`${share(used, scale)}%`} className={usedOfLimit >= 90 ? "fill-red-500" : "fill-indigo-600"} />}
        </svg>
      </div>
    </li>
  );
}

/** A meter's place while its numbers load: UsageMeter's lines (name, then an empty track) at its height. */
export function MeterPlaceholder({ name }: { name: string }) {
  return (
    <li>
      <div className="text-xs text-zinc-600">
        <span className="font-mono">{name}</span>
      </div>
      <div className="mt-1 h-2.5 rounded bg-zinc-100 ring-1 ring-inset ring-zinc-200" />
    </li>
  );
}

/** What the colours of the bars below mean. */
export function MeterLegend({ used, limit, total }: { used: string; limit: string; total?: string }) {
  const swatch = (className: string, label: string) => (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden className={`inline-block h-2.5 w-3 rounded-sm ${className}`} />
      {label}
    </span>
  );
  return (
    <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600">
      {swatch("bg-indigo-600", used)}
      {swatch("bg-indigo-200", limit)}
      {total && swatch("bg-zinc-100 ring-1 ring-inset ring-zinc-300", total)}
    </p>
  );
}
