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
