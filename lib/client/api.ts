// A small typed fetch wrapper for the BFF: JSON in and out, problem+json errors become ApiError.
import type { Translate } from "@/lib/i18n";

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly issues: FieldIssue[] = [],
    /** Escalation refusals name the permissions the caller lacks. */
    readonly missing: string[] = [],
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

type Query = Record<string, string | number | undefined | null>;

/** Builds a URL with the non-empty query parameters only (the BFF rejects empty filters). */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parse<T>(res: Response): Promise<T> {
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  let body: { code?: string; detail?: string; title?: string; issues?: FieldIssue[]; missing?: string[] } = {};
  try {
    body = await res.json();
  } catch {
    // Not problem+json (a proxy error page, say): fall back to the status text.
  }
  throw new ApiError(res.status, body.code ?? "error", body.detail ?? body.title ?? res.statusText, body.issues ?? [], body.missing ?? []);
}

export async function apiGet<T>(path: string, query?: Query): Promise<T> {
  const res = await fetch(withQuery(path, query), { headers: { accept: "application/json" }, cache: "no-store" });
  return parse<T>(res);
}

/** A mutation, always same-origin so the BFF's Origin check passes. */
export async function apiSend<T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse<T>(res);
}

/** A sentence for the user: the BFF's detail, a network hint (fetch rejects with a TypeError), or a generic line. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.detail || t("problem.requestFailed", { status: error.status });
  if (error instanceof TypeError) return t("problem.networkDetail");
  return t("problem.unexpected");
}
