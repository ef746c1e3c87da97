import { z } from "zod";
import { description, displayName, dnsLabel } from "./common";

export const workspaceCreate = z.object({
  name: dnsLabel,
  displayName: displayName.optional(),
  description: description.optional(),
  clusters: z.array(dnsLabel).max(100).default([]),
});
export type WorkspaceCreate = z.infer<typeof workspaceCreate>;

export const workspaceUpdate = z
  .object({
    displayName: displayName.nullable().optional(),
    description: description.nullable().optional(),
    clusters: z.array(dnsLabel).max(100).optional(),
  })
  .strict();
export type WorkspaceUpdate = z.infer<typeof workspaceUpdate>;

export const workspaceParams = z.object({ ws: dnsLabel });
