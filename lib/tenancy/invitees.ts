// Who a member manager may add, for the invite form's picker: in a workspace any active user who holds no
// membership there yet (addMember takes any user by name, so this shows no one it would not accept); in a project
// the workspace's members who are not in it yet (a project member must be a workspace member). Names only.
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { containsText } from "../db/like";
import { decodeCursor, toPage, type Page } from "../api/page";
import type { ScopeRef } from "./scope";
import { live } from "./expiry";

export interface InviteeDto {
  username: string;
  displayName: string | null;
}

export async function listInvitees(ref: ScopeRef, opts: { limit: number; cursor?: string; q?: string }): Promise<Page<InviteeDto>> {
  const after = decodeCursor(opts.cursor);
  const here: Prisma.UserWhereInput =
    ref.level === "project"
      ? { workspaces: { some: { workspaceId: ref.workspaceId!, ...live() } }, projects: { none: { projectId: ref.projectId! } } }
      : { workspaces: { none: { workspaceId: ref.workspaceId! } } };
  const rows = await db().user.findMany({
    where: {
      ...here,
      status: "active",
      ...(after ? { username: { gt: after } } : {}),
      ...(opts.q ? { OR: [{ username: containsText(opts.q) }, { displayName: containsText(opts.q, "insensitive") }] } : {}),
    },
    orderBy: { username: "asc" },
    take: opts.limit + 1,
    select: { username: true, displayName: true },
  });
  return toPage(rows, opts.limit, (u) => u.username);
}
