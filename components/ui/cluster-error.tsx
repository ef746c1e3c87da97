"use client";
import type { MessageKey } from "@/lib/i18n";
import { useLocalize, useT } from "@/lib/i18n/client";
import { clusterSentence } from "@/lib/i18n/kube-errors";

/**
 * What a cluster answered instead of the data (a list, the usage, a namespace's objects, a project's status), in
 * the console's language (lib/i18n/kube-errors). `context` is the place's own sentence around it, with `{reason}`.
 */
export function ClusterError({ message, code, context, className = "text-sm text-red-700" }: { message: string; code?: string; context?: MessageKey; className?: string }) {
  const t = useT();
  const localize = useLocalize();
  return <p className={className}>{clusterSentence(t, localize(message), code, context)}</p>;
}
