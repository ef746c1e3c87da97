// Watch streams: newline-delimited `{type, object}` events, resumable from a resourceVersion.
import type { ServerResponse } from "node:http";
import { ApiError } from "../errors";
import { apiVersionOf, resourceKey, type ResourceDef } from "../resources";
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from "../selectors";
import type { KObject, Store, StoreEvent } from "../store";

export interface WatchQuery { labelSelector?: string; fieldSelector?: string; resourceVersion?: string; timeoutSeconds?: number; allowWatchBookmarks?: boolean }

export function serveWatch(store: Store, d: ResourceDef, ns: string | undefined, name: string | undefined, q: WatchQuery, res: ServerResponse): void {
  const labels = parseLabelSelector(q.labelSelector);
  const fields = parseFieldSelector(q.fieldSelector, ["metadata.name", "metadata.namespace", ...(d.fields ?? [])]);
  const matches = (o: KObject) => (!d.namespaced || !ns || o.metadata.namespace === ns) && (!name || o.metadata.name === name) && matchLabels(labels, o.metadata.labels) && matchFields(fields, o);
  const typed = (o: KObject) => ({ apiVersion: apiVersionOf(d), kind: d.kind, ...o });
  res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
  res.flushHeaders();
  // Nothing after the end: a bookmark or an event due between end() and the response's "close" would otherwise be a
  // write after end, an unhandled error that takes the whole simulator down.
  const send = (type: string, object: unknown) => { if (!res.writableEnded) res.write(JSON.stringify({ type, object }) + "\n"); };
  // As the API server's watch cache: an object changed into the selector is ADDED, out of it DELETED.
  function deliver(e: StoreEvent) {
    const now = matches(e.object);
    const before = e.type === "MODIFIED" && !!e.old && matches(e.old);
    if (e.type === "MODIFIED" && before !== now) send(now ? "ADDED" : "DELETED", typed(e.object));
    else if (now) send(e.type, typed(e.object));
  }

  const key = resourceKey(d.group, d.resource);
  const rv = q.resourceVersion;
  if (rv && rv !== "0") {
    const past = store.eventsSince(Number(rv), key);
    if (!past) {
      send("ERROR", new ApiError(410, "Expired", `too old resource version: ${rv} (${store.resourceVersion})`).toStatus());
      res.end();
      return;
    }
    for (const e of past) deliver(e);
  } else {
    for (const o of store.list(d, ns)) if (matches(o)) send("ADDED", typed(o));
  }
  const unsubscribe = store.subscribe((e) => { if (e.key === key) deliver(e); });
  // A BOOKMARK carries the store's latest resourceVersion, which moves with writes the selector filters out:
  // a client resuming from it after the stream ends replays nothing and stays within the history. As the
  // watch cache: periodically, and about a second before the server ends the watch (timeoutSeconds).
  const bookmark = () => send("BOOKMARK", { kind: d.kind, apiVersion: apiVersionOf(d), metadata: { resourceVersion: store.resourceVersion } });
  const timeoutMs = (q.timeoutSeconds && q.timeoutSeconds > 0 ? q.timeoutSeconds : 1800) * 1000;
  const bookmarks = q.allowWatchBookmarks ? [setInterval(bookmark, store.bookmarkEveryMs), setTimeout(bookmark, Math.max(0, timeoutMs - 1000))] : [];
  const stop = () => { unsubscribe(); clearTimeout(timeout); for (const t of bookmarks) clearTimeout(t); };
  const timeout = setTimeout(() => { stop(); res.end(); }, timeoutMs);
  res.on("close", stop);
}
