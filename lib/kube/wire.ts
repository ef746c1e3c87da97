// Kubernetes objects as the API server reads them. client-node's models are not the wire format (a LimitRange
// item's `default` is `_default`, a NetworkPolicy rule's `from` is `_from`, timestamps are Dates), so every
// object shown to people as YAML goes through client-node's serializer: what they copy, kubectl applies.
import { dumpYaml, type KubernetesObject } from "@kubernetes/client-node";

/** The objects as one multi-document YAML stream; each needs its apiVersion and kind (they choose the model). */
export const wireYaml = (objects: KubernetesObject[]): string => objects.map((o) => dumpYaml(o)).join("---\n");
