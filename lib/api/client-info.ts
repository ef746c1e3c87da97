// The caller's address. The console's server (scripts/serve.mjs) puts the TCP peer's address in
// x-tenantry-peer, replacing any copy a client sent; X-Forwarded-For is believed only as far as it came
// through proxies listed in TENANTRY_TRUSTED_PROXIES (IPs or CIDRs, comma-separated): read from the
// right, each trusted hop vouches for the address before it. Anything else a client could write itself.
import { BlockList, isIP } from "node:net";

export const PEER_HEADER = "x-tenantry-peer";

/** "::ffff:10.0.0.1" → "10.0.0.1": the same IPv4 caller, however the socket reported it. */
const plain = (ip: string) => ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
const family = (ip: string) => (isIP(ip) === 6 ? "ipv6" : "ipv4");

/** TENANTRY_TRUSTED_PROXIES parsed: the addresses and subnets, and the entries that are neither. */
export function parseTrustedProxies(spec: string): { proxies: BlockList; bad: string[] } {
  const proxies = new BlockList();
  const bad: string[] = [];
  for (const entry of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [ip = "", bits] = entry.split("/").map(plain);
    try {
      if (!isIP(ip) || (bits !== undefined && !/^\d+$/.test(bits))) throw new Error();
      if (bits === undefined) proxies.addAddress(ip, family(ip));
      else proxies.addSubnet(ip, Number(bits), family(ip)); // throws on a prefix too long for the family
    } catch {
      bad.push(entry);
    }
  }
  return { proxies, bad };
}

let parsed: { spec: string; proxies: BlockList } | undefined;

// The server refuses to start on a bad entry (lib/setup/config.ts); elsewhere (tests, scripts) it is skipped.
function trustedProxies(spec = process.env.TENANTRY_TRUSTED_PROXIES ?? ""): BlockList {
  if (parsed?.spec === spec) return parsed.proxies;
  const { proxies, bad } = parseTrustedProxies(spec);
  for (const entry of bad) console.error(`TENANTRY_TRUSTED_PROXIES: ignoring "${entry}" (not an IP address or CIDR)`);
  parsed = { spec, proxies };
  return proxies;
}

/** Whether the TCP peer is one of TENANTRY_TRUSTED_PROXIES: only then do its X-Forwarded-* headers mean anything. */
export function fromTrustedProxy(headers: Headers): boolean {
  const peer = plain(headers.get(PEER_HEADER) ?? "");
  return isIP(peer) !== 0 && trustedProxies().check(peer, family(peer));
}

export function clientAddress(headers: Headers): string | null {
  const peer = plain(headers.get(PEER_HEADER) ?? "");
  if (!isIP(peer)) return null;
  const proxies = trustedProxies();
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(plain).filter(Boolean);
  let client = peer;
  for (let hop = hops.pop(); hop && isIP(hop) && proxies.check(client, family(client)); hop = hops.pop()) client = hop;
  return client;
}

/** The caller's address and user agent, as far as the request tells. */
export function clientInfo(headers: Headers): { sourceIp: string | null; userAgent: string | null } {
  return { sourceIp: clientAddress(headers), userAgent: headers.get("user-agent") };
}
