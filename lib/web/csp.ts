// The console's Content-Security-Policy: only what its pages need. Scripts run only with this response's nonce
// (Next puts it on its own inline and bundle scripts, reading it from the request's CSP header, proxy.ts) and
// what those load ('strict-dynamic'); no eval outside `next dev` (React uses it there for its error overlays);
// styles from the console's own stylesheets or nonced; no plugins, no framing, forms and <base> only to itself.
// Inline style attributes stay refused: the console sets computed styles from script (CSSOM), which CSP allows.

export interface CspOptions {
  nonce: string;
  /** `next dev`: eval and inline styles for React's and Next's development tooling. */
  dev?: boolean;
  /** The public URL is https: ask the browser to upgrade any http subresource (never on plain-HTTP localhost). */
  https?: boolean;
}

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // In development Next injects styles without a nonce; a nonce would make the browser ignore 'unsafe-inline'.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** API answers are data, never a document: nothing in them may load or run, nor be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Powerful browser features the console never uses, denied to it and to anything it could ever embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "ambient-light-sensor=()",
  "autoplay=()",
  "battery=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** 128 random bits, base64: a fresh one for every page response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
