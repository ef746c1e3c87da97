// Login records: every sign-in attempt, whatever the provider, kept for the retention period.
import { db } from "../db/client";
import { decodeCursor, encodeCursor, type Page } from "../api/page";
import { localizeServerMessage } from "../i18n/server-messages";
import type { Locale } from "../i18n";

export interface LoginAttempt {
  userId?: string | null;
  username: string;
  provider: string;
  outcome: "success" | "failure";
  reason?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
}

export async function recordLogin(a: LoginAttempt): Promise<void> {
  await db().loginRecord.create({
    data: { ...a, username: a.username.slice(0, 256), userAgent: a.userAgent?.slice(0, 500) ?? null, reason: a.reason ?? null },
  });
}

const view = { id: true, username: true, provider: true, outcome: true, reason: true, sourceIp: true, userAgent: true, createdAt: true } as const;

/** Newest first; the cursor is the last record's `createdAt|id`. Reasons are stored in English, read in `locale`. */
export async function listLoginRecords(userId: string, opts: { limit: number; cursor?: string; outcome?: "success" | "failure" }, locale: Locale = "en"): Promise<Page<LoginRecordDto>> {
  const [at, id] = decodeCursor(opts.cursor)?.split("|") ?? [];
  const rows = await db().loginRecord.findMany({
    where: { userId, ...(opts.outcome ? { outcome: opts.outcome } : {}), ...(at && id ? { OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: view,
  });
  const items = rows.slice(0, opts.limit).map((r) => ({ ...r, reason: r.reason && localizeServerMessage(r.reason, locale) }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor(`${last.createdAt.toISOString()}|${last.id}`) : null };
}
export type LoginRecordDto = { id: string; username: string; provider: string; outcome: string; reason: string | null; sourceIp: string | null; userAgent: string | null; createdAt: Date };
