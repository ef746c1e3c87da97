// In-memory object store: one global resourceVersion counter (like etcd's revision), change events
// for controllers and watches, and a bounded event history so watches can resume from a version.
import { resourceKey, type ResourceDef } from "./resources";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  [k: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KObject = { apiVersion?: string; kind?: string; metadata: ObjectMeta; [k: string]: any };
export type EventType = "ADDED" | "MODIFIED" | "DELETED";
/** `old` is the object before a MODIFIED, so a watch can tell when it entered or left a selector. */
export interface StoreEvent { type: EventType; key: string; object: KObject; rv: number; old?: KObject }

const HISTORY = 2000;
const objKey = (ns: string | undefined, name: string) => `${ns ?? ""}/${name}`;
const clone = <T>(v: T): T => structuredClone(v);

export interface StoreSnapshot { rv: number; objects: Record<string, KObject[]> }

export class Store {
  private rv = 0;
  private data = new Map<string, Map<string, KObject>>();
  private history: StoreEvent[] = [];
  private listeners = new Set<(e: StoreEvent) => void>();
  private pending: StoreEvent[] = [];
  private emitting = false;
  dirty = false;
  /** How often watches that allow bookmarks get one, as the API server's watch cache (its bookmarkFrequency). */
  bookmarkEveryMs = 60_000;

  get resourceVersion() { return String(this.rv); }

  private bucket(d: Pick<ResourceDef, "group" | "resource">) {
    const k = resourceKey(d.group, d.resource);
    let b = this.data.get(k);
    if (!b) this.data.set(k, (b = new Map()));
    return b;
  }

  get(d: ResourceDef, ns: string | undefined, name: string): KObject | undefined {
    const o = this.bucket(d).get(objKey(d.namespaced ? ns : undefined, name));
    return o && clone(o);
  }

  /** Objects in key order (namespace, then name), as etcd returns them. */
  list(d: ResourceDef, ns?: string): KObject[] {
    const prefix = d.namespaced && ns ? `${ns}/` : "";
    return [...this.bucket(d).entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => clone(o));
  }

  /** Writes the object with a fresh resourceVersion and returns the stored copy. */
  put(d: ResourceDef, obj: KObject): KObject {
    const b = this.bucket(d);
    const k = objKey(obj.metadata.namespace, obj.metadata.name);
    const old = b.get(k);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    b.set(k, stored);
    this.emit({ type: old ? "MODIFIED" : "ADDED", key: resourceKey(d.group, d.resource), object: stored, rv: this.rv, old });
    return clone(stored);
  }

  remove(d: ResourceDef, ns: string | undefined, name: string): KObject | undefined {
    const b = this.bucket(d);
    const k = objKey(d.namespaced ? ns : undefined, name);
    const old = b.get(k);
    if (!old) return undefined;
    b.delete(k);
    const gone = { ...clone(old), metadata: { ...clone(old.metadata), resourceVersion: String(++this.rv) } };
    this.emit({ type: "DELETED", key: resourceKey(d.group, d.resource), object: gone, rv: this.rv });
    return clone(gone);
  }

  subscribe(fn: (e: StoreEvent) => void) {
    this.listeners.add(fn);
    return () => { this.listeners.delete(fn); };
  }

  /** Events after `rv`, or undefined when the history no longer reaches back that far (410 Gone). */
  eventsSince(rv: number, key: string): StoreEvent[] | undefined {
    if (rv < this.rv && (this.history.length === 0 || this.history[0].rv > rv + 1)) return undefined;
    return this.history.filter((e) => e.rv > rv && e.key === key);
  }

  private emit(e: StoreEvent) {
    this.dirty = true;
    this.history.push(e);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
    // A listener that writes (a controller) must not get its event delivered before the one it reacts to:
    // watchers see events in resourceVersion order, as etcd delivers them. Still all before put() returns.
    this.pending.push(e);
    if (this.emitting) return;
    this.emitting = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) for (const fn of [...this.listeners]) fn(next);
    } finally {
      this.emitting = false;
    }
  }

  /** As etcd's compaction (the API server compacts every 5 minutes): the history so far is dropped, so a watch
   *  resuming from an earlier resourceVersion gets 410 Gone and its client must list again. */
  compact() {
    this.history = [];
  }

  snapshot(): StoreSnapshot {
    return { rv: this.rv, objects: Object.fromEntries([...this.data].map(([k, b]) => [k, [...b.values()]])) };
  }

  load(s: StoreSnapshot) {
    this.rv = s.rv;
    this.data = new Map(Object.entries(s.objects).map(([k, objs]) => [k, new Map(objs.map((o) => [objKey(o.metadata.namespace, o.metadata.name), o]))]));
    this.history = [];
  }
}
