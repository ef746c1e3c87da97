// A thin list+watch cache of one resource, as client-go's reflector: list once, then watch from the list's
// resourceVersion with bookmarks, resume from the last version seen after a dropped stream, relist on
// 410 Gone, back off while the cluster does not answer.
// Why not client-node's ListWatch (makeInformer): it never asks for bookmarks, stops for good on any
// error other than 410 (no retry, no backoff), and mixes typed objects from the list with raw JSON from
// the watch (`default` vs `_default`), which the desired-vs-actual comparisons cannot tell apart.
import { Watch, type KubeConfig, type KubernetesObject } from "@kubernetes/client-node";
import { ObjectSerializer } from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";
import { withTimeout } from "../client";
import { kubeProblem } from "../errors";
import { sameJson, type Cached, type Change, type Echo } from "../owned";

export interface InformerSpec<T extends KubernetesObject> {
  /** Collection path across all namespaces, e.g. `/api/v1/resourcequotas`. */
  path: string;
  /** client-node's model name, to read watch events as the list reads its items. */
  model: string;
  labelSelector?: string;
  list(): Promise<{ items: T[]; metadata?: { resourceVersion?: string } }>;
}

const GONE = Symbol("gone");
/** How long an expected write's echo is waited for (kube-controller-manager waits 5 minutes; a watch event takes ms). */
const EXPECTATION_TTL_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export class Informer<T extends KubernetesObject> {
  private byNamespace = new Map<string, Map<string, T>>();
  private expected = new Map<string, { echo: Echo<T>; until: number }[]>();
  private sweptAt = 0;
  private resourceVersion = "";
  private abort?: AbortController;
  private stopped = false;
  /** True once the first list is in; the cache may then lag the cluster, never invent. */
  synced = false;
  /** Why the last list or watch failed, until one succeeds again. */
  lastError: string | undefined;
  readonly stats = { lists: 0, watches: 0, events: 0 };

  constructor(
    private readonly kc: KubeConfig,
    private readonly spec: InformerSpec<T>,
    private readonly onChange: (o: T, change: Change) => void,
    private readonly backoff = { baseMs: 500, maxMs: 30_000 },
  ) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  /** Where the next watch resumes: the resourceVersion of the last list, event or BOOKMARK ("" relists). */
  get resumeFrom(): string {
    return this.resourceVersion;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.byNamespace.get(namespace ?? "")?.get(name);
  }

  /** What the cache holds in a namespace (or of one name in it), for a reconcile that writes back what it changed. */
  view(namespace: string | undefined, name?: string): Cached<T> {
    const one = name === undefined ? undefined : this.get(namespace, name);
    return {
      items: name === undefined ? [...(this.byNamespace.get(namespace ?? "")?.values() ?? [])] : one ? [one] : [],
      expect: (n, echo) => this.expect(namespace ?? "", n, echo),
      wrote: (o) => this.assume(o),
      removed: (o) => this.byNamespace.get(o.metadata?.namespace ?? "")?.delete(o.metadata!.name!),
    };
  }

  /**
   * A write about to be made (kube-controller-manager's "expectations"): its watch event, arriving before or after the
   * write's answer, shows what was written and queues nothing. Matched by what the event shows, not by name alone,
   * so a change someone else makes still queues its key; one a write never causes (it failed) lapses after a while.
   */
  private expect(namespace: string, name: string, echo: Echo<T>): void {
    const key = `${namespace}/${name}`;
    const now = Date.now();
    // Lapsed ones go here too, not only when an event comes: a write that keeps failing (retried with backoff) never
    // causes one, and neither does a write to a project that is then deleted.
    if (now - this.sweptAt >= EXPECTATION_TTL_MS) {
      this.sweptAt = now;
      for (const k of [...this.expected.keys()]) this.pending(k, now);
    }
    this.expected.set(key, [...this.pending(key, now), { echo, until: now + EXPECTATION_TTL_MS }]);
  }

  /** The expectations of a key that have not lapsed (the key is forgotten when none are left). */
  private pending(key: string, now: number): { echo: Echo<T>; until: number }[] {
    const left = this.expected.get(key)?.filter((e) => e.until > now) ?? [];
    if (left.length) this.expected.set(key, left);
    else this.expected.delete(key);
    return left;
  }

  /** How many expected writes are still waited for (the tests read it). */
  get expecting(): number {
    let n = 0;
    for (const list of this.expected.values()) n += list.length;
    return n;
  }

  /** Whether this event is the echo of an expected write (the expectation is then met). */
  private isEcho(o: T, change: Change): boolean {
    const key = `${o.metadata?.namespace ?? ""}/${o.metadata!.name!}`;
    const pending = this.pending(key, Date.now());
    const met = pending.findIndex((e) => e.echo(o, change));
    if (met < 0) return false;
    pending.splice(met, 1);
    if (!pending.length) this.expected.delete(key);
    return true;
  }

  /**
   * A write's answer goes into the cache at once (client-go's MutationCache): the next pass reads what it wrote,
   * not the state before it, even while the write's own watch event is still on its way. Never over a newer
   * version the watch brought first; a version that is no number (none a real or simulated server writes) is
   * left to the watch.
   */
  private assume(o: T): void {
    const was = this.get(o.metadata?.namespace, o.metadata!.name!);
    if (!was || newer(o.metadata?.resourceVersion, was.metadata?.resourceVersion)) this.place(this.byNamespace, lean(structuredClone(o)));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) await this.relist();
        await this.watch();
        failures = 0;
      } catch (err) {
        if (this.stopped) return;
        if (err === GONE) {
          this.resourceVersion = "";
          continue;
        }
        // Kept as a sentence (it becomes the projects' status); the cluster's own words are logged once per change.
        const problem = kubeProblem(err);
        if (problem.message !== this.lastError) console.warn(`watch ${this.spec.path}: ${problem.raw}`);
        this.lastError = problem.message;
        await sleep(Math.min(this.backoff.baseMs * 2 ** failures++, this.backoff.maxMs));
      }
    }
  }

  private async relist(): Promise<void> {
    this.stats.lists++;
    const list = await withTimeout(this.spec.list());
    const fresh = new Map<string, Map<string, T>>();
    for (const o of list.items) this.place(fresh, lean(o));
    const old = this.byNamespace;
    this.byNamespace = fresh;
    this.resourceVersion = list.metadata?.resourceVersion ?? "";
    this.synced = true;
    this.lastError = undefined;
    // What changed while we were not watching, as the watch would have said it.
    const changed = (o: T, change: Change) => this.isEcho(o, change) || this.onChange(o, change);
    for (const [ns, objs] of old) for (const [name, o] of objs) if (!fresh.get(ns)?.has(name)) changed(o, "deleted");
    for (const o of list.items) {
      const was = old.get(o.metadata?.namespace ?? "")?.get(o.metadata!.name!);
      if (!was) changed(o, "added");
      else if (was.metadata?.resourceVersion !== o.metadata?.resourceVersion && !onlyStatusChanged(was, o)) changed(o, "modified");
    }
  }

  private watch(): Promise<void> {
    this.stats.watches++;
    return new Promise<void>((resolve, reject) => {
      let gone = false;
      const params = {
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: true,
        // The server ends the stream after this long; a fresh one keeps a half-dead connection from lingering.
        timeoutSeconds: 240 + Math.floor(Math.random() * 120),
        ...(this.spec.labelSelector ? { labelSelector: this.spec.labelSelector } : {}),
      };
      const onEvent = (type: string, raw: KubernetesObject & { code?: number }) => {
        if (type === "ERROR") {
          if (raw.code === 410) gone = true;
          return;
        }
        if (raw.metadata?.resourceVersion) this.resourceVersion = raw.metadata.resourceVersion;
        if (type === "BOOKMARK") return;
        this.stats.events++;
        const o = lean(ObjectSerializer.deserialize(raw, this.spec.model, "") as T);
        const was = this.get(o.metadata?.namespace, o.metadata!.name!);
        if (type === "DELETED") this.byNamespace.get(o.metadata?.namespace ?? "")?.delete(o.metadata!.name!);
        else this.place(this.byNamespace, o);
        this.lastError = undefined;
        const change: Change = type === "ADDED" ? "added" : type === "DELETED" ? "deleted" : "modified";
        // Already known: the echo of a write this process made and put into the cache itself (assume()).
        if (type === "DELETED" ? !was : was?.metadata?.resourceVersion === o.metadata?.resourceVersion) return void this.isEcho(o, change);
        if (type === "MODIFIED" && was && onlyStatusChanged(was, o)) return;
        if (this.isEcho(o, change)) return;
        this.onChange(o, change);
      };
      const done = (err: unknown) => {
        if (gone || (err as { statusCode?: number } | null)?.statusCode === 410) reject(GONE);
        else if (err && !this.stopped) reject(err);
        else resolve();
      };
      new Watch(this.kc).watch(this.spec.path, params, onEvent, done).then((abort) => {
        this.abort = abort;
        if (this.stopped) abort.abort();
      }, reject);
    });
  }

  private place(into: Map<string, Map<string, T>>, o: T) {
    const ns = o.metadata?.namespace ?? "";
    let m = into.get(ns);
    if (!m) into.set(ns, (m = new Map()));
    m.set(o.metadata!.name!, o);
  }
}

/** Whether resourceVersion `a` is later than `b`: etcd revisions, compared as numbers, as client-go's MutationCache
 *  does (Kubernetes 1.35 made that comparison part of the API's contract). */
export function newer(a: string | undefined, b: string | undefined): boolean {
  const number = /^\d+$/;
  return !!a && !!b && number.test(a) && number.test(b) && BigInt(a) > BigInt(b);
}

/** Nothing the reconciler compares moved: only status or bookkeeping did (the quota controller writes a
 *  ResourceQuota's usage into its status after every change in the namespace), so no key is queued, as
 *  controller-runtime's GenerationChangedPredicate skips such updates. */
export function onlyStatusChanged(was: KubernetesObject, now: KubernetesObject): boolean {
  const spec = ({ status: _status, metadata, ...rest }: KubernetesObject & { status?: unknown }) =>
    ({ ...rest, metadata: { ...metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined } });
  return sameJson(spec(was), spec(now));
}

/** managedFields are most of an object's size and nothing the reconciler reads (controller-runtime strips them too);
 *  status is the other part it never compares (a ResourceQuota's usage doubles it; a namespace's Terminating phase
 *  is its deletionTimestamp). At 10,000 projects the caches are most of the console's memory. */
function lean<T extends KubernetesObject>(o: T): T {
  if (o.metadata?.managedFields) delete o.metadata.managedFields;
  if ("status" in o) delete (o as { status?: unknown }).status;
  return o;
}
