// A console mutation and its audit event commit together: route() opens an audit context for each
// mutating request, and the service wraps its database change in audited(), which appends the
// success event inside the same transaction. route() records afterwards only what no service did
// (denials, failures, and changes that live outside the database).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { record, type AuditInput } from "./record";

export interface AuditContext {
  /** The success event as it stands when the change commits (targets are filled in as handlers learn them). */
  event: () => AuditInput;
  recorded: boolean;
}

const store = new AsyncLocalStorage<AuditContext>();

export function withAuditContext<T>(ctx: AuditContext, work: () => Promise<T>): Promise<T> {
  return store.run(ctx, work);
}

/** Runs `change` in a transaction that also appends the request's success event (once per request), with `request` details if given. */
export async function audited<T>(change: (tx: Prisma.TransactionClient) => Promise<T>, request?: AuditInput["request"]): Promise<T> {
  const ctx = store.getStore();
  return db().$transaction(async (tx) => {
    const result = await change(tx);
    if (ctx && !ctx.recorded) {
      await record({ ...ctx.event(), ...(request ? { request } : {}) }, tx);
      ctx.recorded = true;
    }
    return result;
  });
}
