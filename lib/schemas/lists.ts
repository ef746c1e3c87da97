// The list routes' query parameters: keyset paging and `q` (pageQuery) plus each list's `sort` and filters.
// Sorting is over fields with an index behind them and never over a nullable one (keyset needs a total order).
import { z } from "zod";
import { dnsLabel, pageQuery, sortParam } from "./common";

export const userListQuery = pageQuery.extend({
  sort: sortParam(["username", "createdAt", "platformRole"]),
  status: z.enum(["active", "disabled"]).optional(),
  /** A platform role. */
  role: dnsLabel.optional(),
  /** Where the account comes from: `local` or an identity provider's name. */
  source: dnsLabel.optional(),
});

export const workspaceListQuery = pageQuery.extend({
  sort: sortParam(["name", "createdAt"]),
  /** Workspaces placed on this cluster. */
  cluster: dnsLabel.optional(),
});

export const projectListQuery = pageQuery.extend({
  sort: sortParam(["name", "createdAt"]),
  status: z.enum(["pending", "ready", "error", "terminating"]).optional(),
  cluster: dnsLabel.optional(),
});

export const memberListQuery = pageQuery.extend({
  sort: sortParam(["username", "role", "since"]),
  role: dnsLabel.optional(),
});

/** Clusters are few: searched, filtered and sorted, never paged. */
export const clusterListQuery = z.object({
  q: z.string().max(100).optional(),
  sort: sortParam(["name", "createdAt"]),
  health: z.enum(["ready", "down", "unknown"]).optional(),
});

/** Users a member manager may add: by name, paged; nothing else about them. */
export const inviteeQuery = pageQuery;

export type UserListQuery = z.infer<typeof userListQuery>;
export type WorkspaceListQuery = z.infer<typeof workspaceListQuery>;
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export type MemberListQuery = z.infer<typeof memberListQuery>;
export type ClusterListQuery = z.infer<typeof clusterListQuery>;

export const inviteeOut = z.object({ username: z.string(), displayName: z.string().nullable() }).strict().meta({ id: "Invitee" });
