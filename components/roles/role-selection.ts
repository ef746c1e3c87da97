// The role editor's selection rules, mirroring the server's withDependencies(): what the user ticks,
// what those ticks imply, and what an edit adds or removes.
import type { Template } from "@/lib/client/types";

export type TemplateIndex = Map<string, Template>;

export const indexTemplates = (templates: Template[]): TemplateIndex => new Map(templates.map((t) => [t.name, t]));

/** Everything `names` needs, transitively, not counting the names themselves. */
function dependenciesOf(names: Iterable<string>, index: TemplateIndex): Set<string> {
  const out = new Set<string>();
  const visit = (name: string) =>
    index.get(name)?.dependsOn.forEach((dep) => {
      if (!out.has(dep)) {
        out.add(dep);
        visit(dep);
      }
    });
  for (const n of names) visit(n);
  return out;
}

/** Implied template → the chosen templates that need it. */
export function impliedBy(chosen: Set<string>, index: TemplateIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of chosen) {
    for (const dep of dependenciesOf([name], index)) {
      if (!chosen.has(dep)) out.set(dep, [...(out.get(dep) ?? []), name]);
    }
  }
  return out;
}

/** The templates a role ends up with: the chosen ones plus their dependencies (what the server stores). */
export function effectiveTemplates(chosen: Set<string>, index: TemplateIndex): string[] {
  return [...new Set([...chosen, ...dependenciesOf(chosen, index)])].sort();
}

/** A stored role's templates reduced to what was ticked: those no other template of the role needs. */
export function chosenFromStored(stored: string[], index: TemplateIndex): Set<string> {
  const needed = dependenciesOf(stored, index);
  return new Set(stored.filter((t) => !needed.has(t)));
}

export function templateDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return { added: after.filter((t) => !was.has(t)), removed: before.filter((t) => !now.has(t)) };
}
