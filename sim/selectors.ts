// Label and field selectors as the API server parses them from `labelSelector` / `fieldSelector`.
import { badRequest } from "./errors";

export type Operator = "=" | "!=" | "in" | "notin" | "exists" | "!exists" | "gt" | "lt";
export interface Requirement { key: string; op: Operator; values: string[] }
export type Labels = Record<string, string> | undefined;

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on commas that are not inside a `( … )` value set. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function checkKey(key: string, raw: string) {
  if (!KEY.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}" in "${raw}"`);
}
function checkValue(value: string, raw: string) {
  if (value.length > 63 || !VALUE.test(value)) throw badRequest(`unable to parse requirement: invalid label value: "${value}" in "${raw}"`);
}

function parseRequirement(raw: string): Requirement {
  let m: RegExpExecArray | null;
  if ((m = /^!\s*(\S+)$/.exec(raw))) { checkKey(m[1], raw); return { key: m[1], op: "!exists", values: [] }; }
  if ((m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(raw))) {
    checkKey(m[1], raw);
    const values = m[3].split(",").map((v) => v.trim());
    values.forEach((v) => checkValue(v, raw));
    return { key: m[1], op: m[2] as "in" | "notin", values };
  }
  if ((m = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*([^=!<>\s]*)$/.exec(raw))) {
    checkKey(m[1], raw);
    checkValue(m[3], raw);
    if (m[2] === "<" || m[2] === ">") {
      if (!/^-?\d+$/.test(m[3])) throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key: m[1], op: m[2] === "<" ? "lt" : "gt", values: [m[3]] };
    }
    return { key: m[1], op: m[2] === "!=" ? "!=" : "=", values: [m[3]] };
  }
  if (/^\S+$/.test(raw)) { checkKey(raw, raw); return { key: raw, op: "exists", values: [] }; }
  throw badRequest(`unable to parse requirement: found '${raw}', expected: identifier`);
}

export function parseLabelSelector(text: string | undefined): Requirement[] {
  if (!text || !text.trim()) return [];
  return splitTopLevel(text).map((part) => {
    if (!part) throw badRequest(`unable to parse requirement: found '', expected: !, identifier, or 'end of string'`);
    return parseRequirement(part);
  });
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.op) {
    case "=": return has && value === r.values[0];
    case "!=": return !has || value !== r.values[0];
    case "in": return has && r.values.includes(value!);
    case "notin": return !has || !r.values.includes(value!);
    case "exists": return has;
    case "!exists": return !has;
    case "gt": return has && /^-?\d+$/.test(value!) && Number(value) > Number(r.values[0]);
    case "lt": return has && /^-?\d+$/.test(value!) && Number(value) < Number(r.values[0]);
  }
}

export const matchLabels = (reqs: Requirement[], labels: Labels) => reqs.every((r) => matchRequirement(r, labels));

/** A `metav1.LabelSelector` object (matchLabels + matchExpressions), as used in specs. */
export interface LabelSelectorObject { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] }
export function selectorObjectToRequirements(sel: LabelSelectorObject | undefined): Requirement[] {
  const ops: Record<string, Operator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!exists" };
  return [
    ...Object.entries(sel?.matchLabels ?? {}).map(([key, v]): Requirement => ({ key, op: "=", values: [v] })),
    ...(sel?.matchExpressions ?? []).map((e): Requirement => ({ key: e.key, op: ops[e.operator] ?? "in", values: e.values ?? [] })),
  ];
}

export interface FieldRequirement { field: string; op: "=" | "!="; value: string }

export function parseFieldSelector(text: string | undefined, supported: string[]): FieldRequirement[] {
  if (!text || !text.trim()) return [];
  return text.split(",").map((part) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    if (!supported.includes(m[1])) throw badRequest(`field label not supported: ${m[1]}`);
    return { field: m[1], op: m[2] === "!=" ? "!=" : "=", value: m[3] };
  });
}

export function matchFields(reqs: FieldRequirement[], obj: Record<string, unknown>): boolean {
  return reqs.every((r) => {
    const actual = String(r.field.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj) ?? "");
    return r.op === "=" ? actual === r.value : actual !== r.value;
  });
}
