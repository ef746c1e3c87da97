import { z } from "zod";
import { description, displayName, dnsLabel } from "./common";

export const projectCreate = z.object({
  name: dnsLabel,
  cluster: dnsLabel,
  displayName: displayName.optional(),
  description: description.optional(),
});
export type ProjectCreate = z.infer<typeof projectCreate>;

export const projectParams = z.object({ ws: dnsLabel, project: dnsLabel });

/**
 * What a move does with project members who are not members of the target workspace: `refuse` (the default)
 * answers 409 naming them, `drop` removes them from the project, `invite` makes them `regular` members of the target.
 */
export const moveMemberOptions = ["refuse", "drop", "invite"] as const;
export type MoveMembers = (typeof moveMemberOptions)[number];

export const projectMoveBody = z
  .object({ workspace: dnsLabel, dryRun: z.boolean().optional(), members: z.enum(moveMemberOptions).default("refuse") })
  .strict();
export type ProjectMoveBody = z.infer<typeof projectMoveBody>;

/** `?dryRun=true` (or Kubernetes' `All`) as well as the body's `dryRun`. */
export const projectMoveQuery = z.object({ dryRun: z.enum(["true", "false", "All"]).optional() });
