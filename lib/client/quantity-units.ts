// A quota value as an amount and a unit the form offers (2 cores, 500 millicores, 4 Gi, 10 pods), read and
// written through the one Kubernetes quantity parser (sim/quantity.ts), so what the form sends is what the route parses.
import { parseQuantity } from "@/sim/quantity";

export type QuantityKind = "cpu" | "bytes" | "count";

/** Each kind's units, as Kubernetes suffixes: "" is cores, bytes or a plain count. */
export const UNITS: Record<QuantityKind, readonly string[]> = { cpu: ["", "m"], bytes: ["Mi", "Gi", ""], count: [""] };

const NANO = 1_000_000_000n;
const FACTORS: Record<string, bigint> = { "": NANO, m: 1_000_000n, Mi: (1n << 20n) * NANO, Gi: (1n << 30n) * NANO };

/** The kind a ResourceQuota or LimitRange key measures: `requests.cpu` cpu, `limits.memory` bytes, `pods` a count. */
export function kindOf(key: string): QuantityKind {
  if (/(^|\.)cpu$/.test(key)) return "cpu";
  if (/(^|\.)(memory|storage|ephemeral-storage)$/.test(key)) return "bytes";
  return "count";
}

/**
 * `value` in the largest of the kind's units that holds it whole (`1536Mi` stays Mi, `2Gi` is 2 Gi, `1.5` cores
 * is 1500 m, `1G` of memory 1000000000 bytes). A value no unit holds whole (`100u`) is kept as written, with the
 * unit "" (the amount keeps its suffix).
 */
export function splitQuantity(value: string, kind: QuantityKind): { amount: string; unit: string } {
  if (!value.trim()) return { amount: "", unit: UNITS[kind][0]! };
  let nanos: bigint;
  try {
    nanos = parseQuantity(value).nanos;
  } catch {
    return { amount: value, unit: "" };
  }
  const whole = [...UNITS[kind]].sort((a, b) => (FACTORS[b]! > FACTORS[a]! ? 1 : -1)).find((u) => nanos % FACTORS[u]! === 0n);
  return whole === undefined ? { amount: value.trim(), unit: "" } : { amount: String(nanos / FACTORS[whole]!), unit: whole };
}

/** The quantity an amount and a unit make (`500` + `m` → `500m`); an amount typed with its suffix (`2Gi`) is kept; blank stays blank. */
export function joinQuantity(amount: string, unit: string): string {
  const a = amount.trim();
  return /^[0-9]*\.?[0-9]+$|^[0-9]+\.$/.test(a) ? `${a}${unit}` : a;
}
