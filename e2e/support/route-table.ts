// The BFF's route table, read from the files themselves so a new route is covered without being listed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface ApiRoute {
  /** e.g. /api/v1/workspaces/[ws]/members/[username] */
  template: string;
  methods: string[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export function apiRoutes(root = "app/api/v1"): ApiRoute[] {
  const out: ApiRoute[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      // The catch-all only turns unknown paths into problem+json 404s; it is no route of its own.
      else if (entry === "route.ts" && !dir.includes("[...")) {
        const src = readFileSync(path, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|as ${m}\\b`).test(src));
        const sub = relative(root, dir).split(sep).filter(Boolean).join("/");
        out.push({ template: `/api/v1${sub ? `/${sub}` : ""}`, methods });
      }
    }
  };
  visit(root);
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

/** Fills `[param]` and `[...param]` segments from `values` (anything unknown becomes "x"). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => values[name] ?? "x");
}
