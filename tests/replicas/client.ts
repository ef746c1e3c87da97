// A small HTTP client for the replicas test: one connection per request (so HAProxy balances every request), an
// optional source address on loopback (127.0.0.x: each caller a client of its own through the load balancer), and
// a cookie jar for next-auth's session. Each answer names the replica that served it (HAProxy's X-Tenantry-Replica).
import { request } from "node:http";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The HAProxy server that answered or failed it; undefined when the request did not go through HAProxy. */
  replica?: string;
  /** The connection closed before the whole answer came (its server died while sending it). */
  aborted: boolean;
  json<T = Record<string, unknown>>(): T;
}

export interface Send {
  method?: string;
  headers?: Record<string, string>;
  body?: string | object;
}

export function send(url: string, opts: Send & { from?: string } = {}): Promise<Answer> {
  const body = typeof opts.body === "object" ? JSON.stringify(opts.body) : opts.body;
  const headers = { ...(typeof opts.body === "object" ? { "content-type": "application/json" } : {}), ...opts.headers };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? "GET", headers, agent: false, localAddress: opts.from, timeout: 30_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      const answer = (aborted: boolean) =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          replica: res.headers["x-tenantry-replica"] as string | undefined,
          aborted,
          json: <T>() => JSON.parse(text) as T,
        });
      res.on("end", () => answer(false));
      res.on("error", () => answer(true));
    });
    req.on("timeout", () => req.destroy(new Error(`${opts.method ?? "GET"} ${url}: no answer in 30 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** A caller with a cookie jar, from one source address. */
export class Caller {
  private cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly from = "127.0.0.1",
  ) {}

  async send(path: string, opts: Send = {}): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await send(this.base + path, { ...opts, from: this.from, headers: { ...(cookie ? { cookie } : {}), ...opts.headers } });
    for (const line of [res.headers["set-cookie"] ?? []].flat()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }

  /** The cookie header this caller sends, to replay its session elsewhere (straight to one replica). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** next-auth's credentials sign-in, as a script does it; which replicas served the CSRF token and the sign-in. */
  async signIn(username: string, password: string): Promise<{ ok: boolean; replicas: (string | undefined)[] }> {
    const csrf = await this.send("/api/auth/csrf");
    const { csrfToken } = csrf.json<{ csrfToken: string }>();
    const form = new URLSearchParams({ csrfToken, username, password, json: "true" }).toString();
    const res = await this.send("/api/auth/callback/credentials", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const ok = res.status < 400 && [res.headers["set-cookie"] ?? []].flat().some((c) => /^[\w.-]*next-auth\.session-token=[^;]/.test(c));
    return { ok, replicas: [csrf.replica, res.replica] };
  }
}
