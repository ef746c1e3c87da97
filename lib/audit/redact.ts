// What the audit log keeps of request and response bodies: no credentials, wherever they sit. Keys named like
// secrets lose their value; any string loses what looks like a credential (a URL's userinfo, a bearer or basic
// authorization, a PEM block, a JWT, a Tenantry token, `password=…`), so a password pasted into a ConfigMap or
// an annotation does not end up in a log every auditor of the tenant can read.
export const REDACTED = "[redacted]";

const SECRET_KEY = /pass(word)?|token|secret|kubeconfig|credential|private|^key$|apikey|authorization|cert/i;

const CREDENTIALS: [RegExp, string][] = [
  // Every repetition is bounded or cannot run past the next match's start, so no string costs more than linear
  // time (a webhook body may hold megabytes of caller-chosen text; "a.a.a.…" against an unbounded scheme was quadratic).
  // -----BEGIN … ----- up to its END line, or to the end of a truncated one.
  [/-----BEGIN [A-Z0-9 ]{1,64}-----[\s\S]*?(?:-----END [A-Z0-9 ]{1,64}-----|$)/g, REDACTED],
  // scheme://user:password@host and scheme://token@host (schemes are short: RFC 3986 sets no bound, 32 is plenty).
  [/\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@]+@/gi, `$1${REDACTED}@`],
  [/\b(bearer)\s+[a-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // Basic credentials are base64: a digit, + / or = tells them from the English word.
  [/\b(basic)\s+(?=[a-z]*[0-9+/=])[a-z0-9+/]{8,}={0,2}/gi, `$1 ${REDACTED}`],
  [/\beyJ[a-z0-9_-]{4,}\.[a-z0-9_-]{4,}\.[a-z0-9_-]*/gi, REDACTED],
  // Personal access tokens (tnt_…) and audit webhook tokens (tnt_audit_…), lib/identity/tokens.ts, lib/audit/token.ts.
  [/\btnt_[a-z0-9_-]{16,}/gi, REDACTED],
  // password=…, "token": "…", client-key-data: … inside free text (connection strings, YAML, env files).
  [/\b(pass(?:word|wd)?|pwd|secret|token|api[_-]?key|client[_-]key[_-]data|client[_-]secret)(["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;&]+/gi, `$1$2${REDACTED}`],
];

// What every pattern above needs somewhere in the text: most strings (paths, names, user agents) have none of it
// and are passed by one test instead of seven replaces — the webhook redacts every string of every event.
const MAY_HOLD_CREDENTIALS = /-----BEGIN|:\/\/|bearer|basic|eyj|tnt_|pass|pwd|secret|token|api[_-]?key|client[_-]/i;

/** `text` without anything that looks like a credential. */
export function redactText(text: string): string {
  if (!MAY_HOLD_CREDENTIALS.test(text)) return text;
  return CREDENTIALS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), text);
}

/** Every string inside `value` through redactText(); keys and structure stay, and so does `value` itself where nothing changes. */
export function redactValues(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (!value || typeof value !== "object") return value;
  if (depth > 32) return "[…]"; // deeper strings would pass unread
  // Copied only from the first change on: the webhook's events, mostly without credentials, allocate nothing here.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const r = redactValues(v, depth + 1);
      if (r !== v) (out ??= [...value])[i] = r;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const r = redactValues(v, depth + 1);
    if (r !== v) (out ??= { ...value })[k] = r;
  }
  return out ?? value;
}

/**
 * A request or response body as the audit log keeps it: Secret objects without their data, secret-looking keys
 * without their value (also `{name: "DB_PASSWORD", value: …}`, as env vars are written), the rest through redactText().
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return "[…]";
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.kind === "Secret") return { kind: "Secret", apiVersion: o.apiVersion, metadata: redact(o.metadata, depth + 1), data: REDACTED };
    const namedSecret = typeof o.name === "string" && SECRET_KEY.test(o.name);
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => {
        const hidden = (SECRET_KEY.test(k) || (namedSecret && k === "value")) && v !== null && typeof v !== "boolean";
        return [k, hidden ? REDACTED : redact(v, depth + 1)];
      }),
    );
  }
  return value;
}
