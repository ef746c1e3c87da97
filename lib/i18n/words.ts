// The enum-like words the console shows — statuses and audit outcomes, Kubernetes phases, pod-security levels,
// identity provider kinds, built-in roles — in the console's language, from one map. Only the label is translated:
// the value (what the API, a URL filter or a select sends, what YAML holds) stays as it is, and a value the map
// does not know (a custom role, a new phase) is shown as it is.
import { builtinRole, type Level } from "../rbac/catalogue";
import type { MessageKey } from "./en";
import type { Locale } from "./locales";
import type { Translate } from "./translate";

export const WORDS = {
  /** Projects, clusters, nodes and users as the console names their states; audit outcomes. */
  status: {
    ready: "status.ready",
    active: "status.active",
    success: "status.success",
    pending: "status.pending",
    unknown: "status.unknown",
    terminating: "status.terminating",
    denied: "status.denied",
    down: "status.down",
    notReady: "status.notReady",
    disabled: "status.disabled",
    error: "status.error",
    failure: "status.failure",
  },
  /** A pod's phase or a job's state, as Kubernetes writes them. */
  phase: {
    Running: "word.phase.Running",
    Pending: "word.phase.Pending",
    Succeeded: "word.phase.Succeeded",
    Failed: "word.phase.Failed",
    Unknown: "word.phase.Unknown",
    Terminating: "word.phase.Terminating",
    Complete: "word.phase.Complete",
    Suspended: "word.phase.Suspended",
  },
  podSecurity: { privileged: "word.podSecurity.privileged", baseline: "word.podSecurity.baseline", restricted: "word.podSecurity.restricted" },
  /** A container's state in a pod. */
  containerState: { running: "word.state.running", waiting: "word.state.waiting", terminated: "word.state.terminated" },
  providerKind: { oidc: "word.providerKind.oidc", ldap: "word.providerKind.ldap" },
} as const satisfies Record<string, Record<string, MessageKey>>;

export type WordKind = keyof typeof WORDS;

/** `value`'s label in t's language; the value itself when the map has none. */
export function word(t: Translate, kind: WordKind, value: string): string {
  const key = (WORDS[kind] as Record<string, MessageKey>)[value];
  return key ? t(key) : value;
}

/**
 * A role as the console names it: in English its name (the word the API, YAML and kubectl use), in another language
 * a built-in role's name in that language (its texts live with its permissions, lib/rbac/catalogue); a custom role's
 * name is its own.
 */
export const roleLabel = (level: Level, name: string, locale: Locale): string => (locale === "en" ? name : (builtinRole(level, name)?.displayName[locale] ?? name));

/** A built-in role's description in the language; undefined for a custom role (its own description is the user's text). */
export const roleDescription = (level: Level, name: string, locale: Locale): string | undefined => builtinRole(level, name)?.description[locale];
