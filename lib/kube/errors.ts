// Kubernetes errors → what a person reads. A failed call's Status (403 Forbidden, 404, 409, 422, 429, 5xx) or
// network failure becomes a short sentence with a stable code; the raw Status message stays in the log
// (kubeReason() for the log and the audit record), never in what the browser shows. Each sentence is a
// `detail.*` entry of lib/i18n/console.*.ts, so localizeServerMessage() words it in the caller's language.
import { ApiException } from "@kubernetes/client-node";
import { translatorFor, type MessageKey } from "../i18n";
import { kubeReason } from "./client";

const english = translatorFor("en");
/** The sentences: detail.kube.* keys (a misspelt one does not compile). */
type Sentence = Extract<MessageKey, `detail.kube.${string}`> extends `detail.kube.${infer K}` ? K : never;

export type KubeErrorCode =
  | "forbidden"
  | "unauthorized"
  | "not_found"
  | "already_exists"
  | "conflict"
  | "invalid"
  | "too_many_requests"
  | "timeout"
  | "unavailable"
  | "internal"
  | "unreachable"
  | "untrusted"
  | "failed";

export interface KubeProblem {
  code: KubeErrorCode;
  /** The HTTP status the cluster answered with; undefined when it did not answer. */
  status?: number;
  /** One sentence for people (English; a detail.* message). */
  message: string;
  /** The cluster's own words, for logs and audit only. */
  raw: string;
}

interface Status {
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string };
}

function statusOf(err: ApiException<unknown>): Status {
  const body = err.body;
  if (body && typeof body === "object") return body as Status;
  if (typeof body !== "string") return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Status) : {};
  } catch {
    return {};
  }
}

const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED"]);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** The sentence to show or store for a failed call; the cluster's own words go to the log, tagged with `what`. */
export function kubeSentence(err: unknown, what: string): string {
  const problem = kubeProblem(err);
  console.warn(`${what}: ${problem.raw}`);
  return problem.message;
}

/** What a failed Kubernetes call means, as a sentence, with the raw reason kept aside. */
export function kubeProblem(err: unknown): KubeProblem {
  const raw = kubeReason(err);
  const say = (code: KubeErrorCode, key: Sentence, vars?: Record<string, string>, status?: number): KubeProblem => ({
    code,
    ...(status === undefined ? {} : { status }),
    message: english(`detail.kube.${key}`, vars),
    raw,
  });
  if (err instanceof ApiException) {
    const status = statusOf(err);
    const http = err.code;
    const resource = status.details?.kind ? (status.details.group ? `${status.details.kind}.${status.details.group}` : status.details.kind) : undefined;
    const name = status.details?.name;
    if (http === 401) return say("unauthorized", "unauthorized", undefined, http);
    if (http === 403) {
      // RBAC's refusal names who and what ("User \"tenantry:bob\" cannot list resource …"); admission's does not.
      const who = /(?:User|ServiceAccount) "([^"]+)" cannot/.exec(status.message ?? "")?.[1];
      if (who && resource) return say("forbidden", "forbiddenResource", { who, resource }, http);
      if (who) return say("forbidden", "forbiddenAction", { who }, http);
      return say("forbidden", "admissionRefused", undefined, http);
    }
    if (http === 404) return resource && name ? say("not_found", "notFoundNamed", { resource, name }, http) : say("not_found", "notFound", undefined, http);
    if (http === 409 && status.reason === "AlreadyExists")
      return resource && name ? say("already_exists", "alreadyExistsNamed", { resource, name }, http) : say("already_exists", "alreadyExists", undefined, http);
    if (http === 409) return say("conflict", "conflict", undefined, http);
    if (http === 422) return say("invalid", "invalid", undefined, http);
    if (http === 429) return say("too_many_requests", "tooManyRequests", undefined, http);
    if (http === 504 || status.reason === "Timeout") return say("timeout", "timeout", undefined, http);
    if (http === 503) return say("unavailable", "unavailable", undefined, http);
    if (http >= 500) return say("internal", "internal", undefined, http);
    return say("failed", "failed", undefined, http);
  }
  const e = err as { message?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
  const sys = e?.cause?.code ?? e?.code ?? "";
  const text = `${e?.message ?? ""} ${e?.cause?.message ?? ""}`;
  if (/did not answer within|ETIMEDOUT|timed? ?out/i.test(`${sys} ${text}`)) return say("timeout", "timeout");
  if (TLS.test(sys) || /certificate/i.test(text)) return say("untrusted", "untrusted");
  if (NETWORK.has(sys) || /ECONNREFUSED|ENOTFOUND|socket hang up|fetch failed/i.test(text)) return say("unreachable", "unreachable");
  return say("failed", "failed");
}
