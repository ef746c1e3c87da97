// Kubernetes resource quantities (`500m`, `128Mi`, `2G`, `1e3`), held exactly as BigInt nano-units
// so sums and comparisons never drift; formatting follows apimachinery's canonical form.
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";
export interface Quantity { nanos: bigint; format: QuantityFormat }

const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const PATTERN = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(.*)$/;

export const zero = (): Quantity => ({ nanos: 0n, format: "DecimalSI" });

export function parseQuantity(input: string | number): Quantity {
  const text = String(input).trim();
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const [, sign, num, suffix] = m;
  const [intPart, fracPart = ""] = num.split(".");
  const digits = BigInt((intPart || "0") + fracPart);
  let nanos: bigint;
  let format: QuantityFormat;
  if (suffix in BINARY) {
    format = "BinarySI";
    nanos = ceilDiv(digits * NANO * (1n << BigInt(BINARY[suffix])), 10n ** BigInt(fracPart.length));
  } else {
    let exp: number;
    if (suffix in DECIMAL) { exp = DECIMAL[suffix]; format = "DecimalSI"; }
    else if (/^[eE][-+]?\d+$/.test(suffix)) { exp = Number(suffix.slice(1)); format = "DecimalExponent"; }
    else throw new Error(`unable to parse quantity's suffix`);
    const scale = exp + 9 - fracPart.length;
    nanos = scale >= 0 ? digits * 10n ** BigInt(scale) : ceilDiv(digits, 10n ** BigInt(-scale));
  }
  return { nanos: sign === "-" ? -nanos : nanos, format };
}

/** Quantities smaller than a nano-unit round up, as in apimachinery. */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return "0";
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? "-" : "";
  // Binary form only for whole values of at least 1024; otherwise apimachinery falls back to decimal.
  if (q.format === "BinarySI" && abs % NANO === 0n && abs >= 1024n * NANO) {
    let value = abs / NANO;
    const suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    let i = 0;
    while (value % 1024n === 0n && i < suffixes.length - 1) { value /= 1024n; i++; }
    return `${sign}${value}${suffixes[i]}`;
  }
  let mantissa = abs;
  let exp = -9;
  while (mantissa % 1000n === 0n && exp < 18) { mantissa /= 1000n; exp += 3; }
  if (q.format === "DecimalExponent") return `${sign}${mantissa}${exp === 0 ? "" : `e${exp}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX[exp]}`;
}

/** Sum keeps the first non-zero operand's format, like Quantity.Add. */
export function add(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}
export const compare = (a: Quantity, b: Quantity) => (a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0);
export const canonical = (input: string | number) => formatQuantity(parseQuantity(input));
