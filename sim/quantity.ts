// Kubernetes resource quantities (`500m`, `128Mi`, `2G`, `1e3`), held exactly as BigInt nano-units
// so sums and comparisons never drift; formatting follows apimachinery's canonical form.
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";
export interface Quantity { nanos: bigint; format: QuantityFormat }

const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
/** apimachinery caps binary quantities here; decimal ones beyond it we refuse (see parseQuantity). */
export const MAX_QUANTITY = (1n << 63n) - 1n;
const INT32_MAX = 2 ** 31 - 1;

// apimachinery's error texts, word for word.
export const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";
export const ERR_RANGE = `quantities must be at most ${MAX_QUANTITY} (2^63 - 1)`;

export const zero = (): Quantity => ({ nanos: 0n, format: "DecimalSI" });

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** apimachinery's parseQuantityString: sign, numerator (leading zeros dropped), denominator, suffix. */
function scan(str: string): { negative: boolean; num: string; denom: string; suffix: string } {
  const end = str.length;
  let pos = 0;
  const negative = str[0] === "-";
  if (str[0] === "-" || str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { negative, num: "0", denom: "", suffix: "" };
  let i = pos;
  while (isDigit(str[i])) i++;
  const num = str.slice(pos, i) || "0";
  pos = i;
  let denom = "";
  if (str[pos] === ".") {
    for (i = ++pos; isDigit(str[i]); ) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && "eEinumkKMGTP".includes(str[pos]!)) pos++;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < end) throw new Error(ERR_FORMAT);
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

/** apimachinery's suffixer: base 2 or 10 and the exponent, or undefined. */
function interpret(suffix: string): { base: 2 | 10; exp: number; format: QuantityFormat } | undefined {
  if (suffix in BINARY) return { base: 2, exp: BINARY[suffix]!, format: "BinarySI" };
  if (suffix in DECIMAL) return { base: 10, exp: DECIMAL[suffix]!, format: "DecimalSI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[-+]?\d+$/.test(suffix.slice(1))) {
    const exp = Number(suffix.slice(1));
    if (Math.abs(exp) <= INT32_MAX) return { base: 10, exp, format: "DecimalExponent" }; // strconv.ParseInt(…, 10, 32)
  }
  return undefined;
}

/**
 * Kubernetes' resource.Quantity grammar exactly (ParseQuantity, plus the whitespace trim of its JSON decoder):
 * `Mi`, `.` and `-` are zero, `1.` is one, `1e` and `1Ki5` are errors; values below a nano-unit round up to it
 * and binary ones cap at 2^63 - 1, as there. One difference, on purpose: a decimal value above 2^63 - 1
 * (`1e1000000`, which Kubernetes keeps as an arbitrary-precision decimal) is refused, so no quota arithmetic
 * here or in Kubernetes (int64 Value()) overflows, and no request can make us expand a million-digit number.
 */
export function parseQuantity(input: string | number): Quantity {
  const str = String(input).trim();
  if (!str) throw new Error(ERR_FORMAT);
  const { negative, num, denom, suffix } = scan(str);
  const unit = interpret(suffix);
  if (!unit) throw new Error(ERR_SUFFIX);
  const digits = (num + denom).replace(/^0+/, "");
  const sign = (n: bigint) => ({ nanos: negative ? -n : n, format: unit.format });
  if (!digits) return sign(0n);
  if (unit.base === 2) {
    // Whole digits beyond 20 are above 2^63 whatever the suffix; otherwise exact, then capped.
    if (num.replace(/^0+/, "").length > 20) return sign(MAX_QUANTITY * NANO);
    const nanos = ceilDiv(BigInt(digits) * NANO * (1n << BigInt(unit.exp)), 10n ** BigInt(denom.length));
    const capped = nanos > MAX_QUANTITY * NANO ? MAX_QUANTITY * NANO : nanos;
    // Binary values below one are formatted as decimal, as apimachinery does.
    return { ...sign(capped), format: capped < NANO ? "DecimalSI" : "BinarySI" };
  }
  // value = digits × 10^scale, whose integer part has digits.length + scale digits: beyond 19, above 2^63.
  const scale = unit.exp - denom.length;
  if (digits.length + scale > 19) throw new Error(ERR_RANGE);
  const shift = scale + 9; // nano-units = digits × 10^shift, rounded up
  const keep = digits.length + shift; // digits at or above the nano-unit
  const nanos =
    shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : (keep > 0 ? BigInt(digits.slice(0, keep)) : 0n) + (/[1-9]/.test(digits.slice(Math.max(keep, 0))) ? 1n : 0n);
  if (nanos > MAX_QUANTITY * NANO) throw new Error(ERR_RANGE);
  return sign(nanos);
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
