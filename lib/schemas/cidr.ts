// IP blocks as networking/v1 validates a NetworkPolicy's ipBlock: a CIDR of either family (no leading zeros,
// prefix within the address width), and each `except` a strict subset of it. Pure, so forms use it too.

export interface Cidr {
  family: 4 | 6;
  /** The address as a number, host bits included. */
  address: bigint;
  prefix: number;
}

const DECIMAL = /^(0|[1-9]\d{0,2})$/;

function ipv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => DECIMAL.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function ipv6(s: string): bigint | undefined {
  let groups: string[];
  let tail: bigint | undefined;
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    tail = ipv4(v4[1]!);
    if (tail === undefined) return undefined;
    s = `${s.slice(0, v4.index)}:0:0`; // two groups stand for the embedded IPv4 address
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const split = (h: string) => (h ? h.split(":") : []);
  if (halves.length === 2) {
    const [head, rest] = [split(halves[0]!), split(halves[1]!)];
    if (head.length + rest.length > 7) return undefined;
    groups = [...head, ...Array(8 - head.length - rest.length).fill("0"), ...rest];
  } else groups = split(s);
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const n = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  return tail === undefined ? n : (n & ~0xffffffffn) | tail;
}

export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const [ip, len] = [s.slice(0, slash), s.slice(slash + 1)];
  if (!/^(0|[1-9]\d{0,2})$/.test(len)) return undefined;
  const prefix = Number(len);
  const v4 = ipv4(ip);
  if (v4 !== undefined) return prefix <= 32 ? { family: 4, address: v4, prefix } : undefined;
  const v6 = ip.includes(":") ? ipv6(ip) : undefined;
  return v6 !== undefined && prefix <= 128 ? { family: 6, address: v6, prefix } : undefined;
}

/** Whether `inner` is a strict subset of `outer` (networking/v1's rule for `except`). */
export function strictlyInside(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family || inner.prefix <= outer.prefix) return false;
  const shift = BigInt((outer.family === 4 ? 32 : 128) - outer.prefix);
  return inner.address >> shift === outer.address >> shift;
}
