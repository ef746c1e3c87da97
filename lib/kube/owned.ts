// The "ensure" loop shared by Tenantry's namespaced objects (quota, limits, network policies): list what
// Tenantry labelled, create what is missing, replace what drifted, delete what is no longer wanted.
// Unlabelled objects are never touched. Given what is there (the controller's watch cache), a pass with no
// drift sends nothing; without it, the one list.
import type { KubernetesObject } from "@kubernetes/client-node";
import { kubeStatus, withTimeout } from "./client";
import { LABELS, MANAGER } from "./namespace";

export const MANAGED_SELECTOR = `${LABELS.managedBy}=${MANAGER}`;
export const managedLabels = { [LABELS.managedBy]: MANAGER };

/** What a watch event says happened to an object. */
export type Change = "added" | "modified" | "deleted";
/** Whether a watch event (an object and what happened to it) is the echo of a write: it shows what was written. */
export type Echo<T> = (o: T, change: Change) => boolean;

/** What a reconcile reads from the cache and tells it back: the write it is about to make (so the watch event it
 *  causes queues nothing, whenever it arrives), and what each create, replace or delete answered. */
export interface Cached<T> {
  items: T[];
  expect(name: string, echo: Echo<T>): void;
  wrote(o: T): void;
  removed(o: T): void;
}

export interface OwnedOps<T extends KubernetesObject> {
  list(namespace: string): Promise<{ items: T[] }>;
  create(namespace: string, body: T): Promise<T>;
  replace(namespace: string, name: string, body: T): Promise<T>;
  remove(namespace: string, name: string): Promise<unknown>;
  /** The part of the object Tenantry decides (spec, rules…). */
  spec(o: T): unknown;
}

export async function ensureOwned<T extends KubernetesObject>(ops: OwnedOps<T>, namespace: string, desired: T[], cached?: Cached<T>): Promise<number> {
  const current = cached ?? (await withTimeout(ops.list(namespace)));
  const byName = new Map(current.items.map((o) => [o.metadata!.name!, o]));
  let writes = 0;
  for (const want of desired) {
    const name = want.metadata!.name!;
    const have = byName.get(name);
    byName.delete(name);
    const shows: Echo<T> = (o, change) => change !== "deleted" && sameJson(ops.spec(o), ops.spec(want)) && labelsKept(o, want);
    if (!have) {
      cached?.expect(name, shows);
      // 409: someone stripped our label; the object is still ours by name, so take it back.
      const made = await withTimeout(ops.create(namespace, want)).catch((err) => {
        if (kubeStatus(err) !== 409) throw err;
        return withTimeout(ops.replace(namespace, name, want));
      });
      cached?.wrote(made);
      writes++;
    } else if (!sameJson(ops.spec(have), ops.spec(want)) || !labelsKept(have, want)) {
      cached?.expect(name, shows);
      cached?.wrote(await withTimeout(ops.replace(namespace, name, { ...want, metadata: { ...want.metadata, resourceVersion: have.metadata?.resourceVersion } })));
      writes++;
    }
  }
  for (const [name, have] of byName) {
    cached?.expect(name, (_, change) => change === "deleted");
    await withTimeout(ops.remove(namespace, name));
    cached?.removed(have);
    writes++;
  }
  return writes;
}

const labelsKept = (have: KubernetesObject, want: KubernetesObject) =>
  Object.entries(want.metadata?.labels ?? {}).every(([k, v]) => have.metadata?.labels?.[k] === v);

/** Structural equality blind to key order and undefined fields (the API returns keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Whether `have` carries everything `want` sets (the API server may add defaults of its own). */
export function covers(have: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(have) && have.length === want.length && want.every((w, i) => covers(have[i], w));
  if (want && typeof want === "object") {
    if (!have || typeof have !== "object") return false;
    return Object.entries(want as Record<string, unknown>).every(([k, w]) => w === undefined || covers((have as Record<string, unknown>)[k], w));
  }
  return have === want;
}
