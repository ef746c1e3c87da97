// A Kubernetes error as the console says it: a sentence in the console's language around the server's words (a
// detail.kube.* sentence, re-worded in that language when it is one, else the text as it came). The lead says
// what the cluster did, from the error's code (lib/kube/errors.ts, or the problem's cluster_* code), unless the
// place gives its own ("Usage unavailable: {reason}").
import type { MessageKey } from "./en";
import type { Translate } from "./translate";

const LEADS: Record<string, MessageKey> = {
  forbidden: "kube.refused",
  unauthorized: "kube.refused",
  cluster_forbidden: "kube.refused",
  timeout: "kube.noAnswer",
  unreachable: "kube.noAnswer",
  unavailable: "kube.noAnswer",
  untrusted: "kube.noAnswer",
  cluster_unavailable: "kube.noAnswer",
};

/** `reason` (already in the caller's language) wrapped in `context`, else in the lead its code calls for. */
export function clusterSentence(t: Translate, reason: string, code?: string, context?: MessageKey): string {
  const key = context ?? (code ? (LEADS[code] ?? "kube.error") : "kube.said");
  return t(key, { reason });
}
