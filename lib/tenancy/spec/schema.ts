// The workspace spec document's JSON Schema (draft 2020-12), from the same zod schema PUT validates with.
import { z } from "zod";
import { jsonSchemaOf } from "../../api/openapi";
import { workspaceSpecDocument } from "./document";

export const SPEC_SCHEMA_ID = "https://tenantry.io/schemas/workspace-spec.schema.json";

export const workspaceSpecSchema = () => ({ ...jsonSchemaOf(workspaceSpecDocument, "input"), $id: SPEC_SCHEMA_ID });

export const workspaceSpecSchemaOut = z.looseObject({ $schema: z.string(), $id: z.string(), type: z.literal("object") });
