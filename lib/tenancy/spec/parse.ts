// A document as PUT receives it: YAML (Content-Type application/yaml, text/yaml, application/x-yaml) or JSON,
// then the document's schema, with its problems as route() answers a body's: 400 unreadable, 422 by field path.
import YAML from "yaml";
import { badRequest, invalid } from "../../api/errors";
import { badStrings } from "../../api/body";
import type { Locale } from "../../i18n";
import { zodParseParams } from "../../i18n/server-messages";
import { workspaceSpecDocument, type SpecDocument } from "./document";

export const YAML_TYPE = "application/yaml";
export const isYaml = (mediaType: string | null) => /^(application|text)\/(x-)?yaml\b/i.test(mediaType?.trim() ?? "");

/** Whether an Accept header prefers YAML to JSON (the first of them it names). */
export function wantsYaml(accept: string | null): boolean {
  const types = (accept ?? "").split(",").map((t) => t.split(";")[0]!.trim());
  const yaml = types.findIndex((t) => isYaml(t));
  const json = types.findIndex((t) => /^application\/json$/i.test(t));
  return yaml >= 0 && (json < 0 || yaml < json);
}

export function parseDocument(text: string, contentType: string | null, locale: Locale): SpecDocument {
  const yaml = isYaml(contentType);
  let value: unknown;
  try {
    value = yaml ? YAML.parse(text) : JSON.parse(text);
  } catch {
    throw badRequest(yaml ? "The request body is not valid YAML." : "The request body is not valid JSON.");
  }
  const unstorable = badStrings(value);
  if (unstorable.length) throw invalid(unstorable);
  const result = workspaceSpecDocument.safeParse(value, zodParseParams(locale));
  if (!result.success) throw invalid(result.error.issues.map((i) => ({ path: i.path.length ? i.path.join(".") : "body", message: i.message })));
  return result.data;
}

/** The document as YAML, as GET answers it to `Accept: application/yaml`. */
export const toYaml = (doc: unknown) => YAML.stringify(doc, { lineWidth: 0 });
