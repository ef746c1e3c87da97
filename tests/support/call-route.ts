// Calls a route handler the way a script meets it: a Request with a personal API token, through route(),
// inside the request scope Next's server would give it (headers() and cookies() work, e.g. for next-auth).
import { createRequire } from "node:module";
import type { User } from "@prisma/client";
import { createToken } from "@/lib/identity/tokens";
import { uniqueName } from "./fixtures";

// Next's own CommonJS instances, the ones next/headers reads (env.ts installs AsyncLocalStorage first).
const require = createRequire(import.meta.url);
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external");
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external");
const { createRequestStoreForAPI } = require("next/dist/server/async-storage/request-store");
process.env.NEXTAUTH_URL ??= "http://localhost";
process.env.NEXTAUTH_SECRET ??= "integration-tests-nextauth-secret";

/** Runs `fn` as Next runs a route handler (or a page's server render) for `req`. */
export function inRequestScope<T>(req: Request, fn: () => Promise<T>): Promise<T> {
  const url = new URL(req.url);
  const store = createRequestStoreForAPI({ headers: req.headers }, url, undefined, undefined, undefined);
  return workAsyncStorage.run({ route: url.pathname, forceStatic: false, dynamicShouldError: false }, () => workUnitAsyncStorage.run(store, fn));
}

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Call {
  method: string;
  path: string;
  params?: Record<string, string>;
  /** A bearer token (tokenFor); none: an anonymous call. */
  token?: string;
  /** JSON-encoded; a string is sent as it is (invalid JSON, odd bytes). */
  body?: unknown;
  query?: Record<string, string>;
  /** More request headers (Accept-Language, say). */
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  /** Parsed JSON when the answer says it is JSON, else the text (null for an empty body). */
  body: unknown;
}

export const tokenFor = async (user: Pick<User, "id">) => (await createToken(user.id, { name: uniqueName("t") })).token;

export async function callRoute(handler: Handler, c: Call): Promise<Answer> {
  const url = new URL(`http://localhost${c.path}`);
  for (const [k, v] of Object.entries(c.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  Object.assign(headers, c.headers ?? {});
  const body = c.body === undefined ? undefined : typeof c.body === "string" ? c.body : JSON.stringify(c.body);
  const req = new Request(url, { method: c.method, headers, body });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(c.params ?? {}) }));
  const contentType = res.headers.get("content-type") ?? "";
  const text = await res.text();
  if (!text) return { status: res.status, contentType, headers: res.headers, body: null };
  return { status: res.status, contentType, headers: res.headers, body: /json/.test(contentType) ? JSON.parse(text) : text };
}
