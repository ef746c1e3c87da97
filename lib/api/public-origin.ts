// The console's public origin, decided here and nowhere else: the Origin check of every mutation (route()), links
// handed to other systems (the audit webhook URL), the sign-in page's same-site test, the identity provider
// callback URLs shown to admins, and whether cookies are Secure.
// NEXTAUTH_URL, the URL next-auth signs people in at, is it whenever it is set. Without it: the request's Host,
// over plain HTTP (scripts/serve.mjs speaks nothing else; TLS ends at a proxy), or X-Forwarded-Host and
// X-Forwarded-Proto when, and only when, the TCP peer is one of TENANTRY_TRUSTED_PROXIES. Anyone else could
// write those headers, and a foreign Origin with a matching X-Forwarded-Host would pass for our own.
import { fromTrustedProxy } from "./client-info";

/** NEXTAUTH_URL as a URL, or null when it is unset or not a URL. */
export function configuredPublicUrl(env: string | undefined = process.env.NEXTAUTH_URL): URL | null {
  if (!env) return null;
  try {
    return new URL(env);
  } catch {
    return null;
  }
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** A host[:port] as a header carries it, or null for anything else (paths, userinfo, lists). */
function hostOf(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v || !HOST.test(v)) return null;
  try {
    return new URL(`http://${v}`).host;
  } catch {
    return null;
  }
}

/** The value a forwarding header's last hop added: the one our trusted peer vouches for. */
const lastHop = (value: string | null) => value?.split(",").pop()?.trim() || null;

/** The origin the request was addressed to, believing X-Forwarded-Host/-Proto only from a trusted proxy. */
export function requestOrigin(headers: Headers): string | null {
  const trusted = fromTrustedProxy(headers);
  const forwardedProto = trusted ? lastHop(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  const host = (trusted ? hostOf(lastHop(headers.get("x-forwarded-host"))) : null) ?? hostOf(headers.get("host"));
  return host ? new URL(`${proto}://${host}`).origin : null;
}

/** The console's public origin (scheme://host[:port]) for this request, or null when nothing tells it. */
export function publicOrigin(headers: Headers): string | null {
  return configuredPublicUrl()?.origin ?? requestOrigin(headers);
}

/** Whether `origin` (a browser's Origin header) is the console's own. */
export function isPublicOrigin(origin: string, headers: Headers): boolean {
  let asked: string;
  try {
    asked = new URL(origin).origin;
  } catch {
    return false;
  }
  const own = publicOrigin(headers);
  return own !== null && asked === own;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Secure cookies whenever the public URL is https, and on any URL but a loopback one (plain-HTTP development and tests). */
export function secureCookies(url: URL | null = configuredPublicUrl()): boolean {
  const u = url ?? new URL("http://localhost");
  return u.protocol === "https:" || !LOOPBACK.has(u.hostname);
}
