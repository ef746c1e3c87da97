// Bearer-token authentication and user impersonation (Impersonate-User / Impersonate-Group headers).
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { badRequest, forbidden, unauthorized } from "./errors";
import { authorize, deniedMessage, type Attributes, type RuleSource, type UserInfo } from "./rbac";

interface Account { token: string; groups: string[] }

export class Users {
  private accounts = new Map<string, Account>();

  /** Registers (or re-groups) a user and returns its bearer token; a known user keeps its token. */
  add(username: string, groups: string[] = [], token?: string): string {
    const existing = this.accounts.get(username);
    const account = { token: token ?? existing?.token ?? randomBytes(24).toString("hex"), groups };
    this.accounts.set(username, account);
    return account.token;
  }

  /** The authenticated user for an `Authorization` header; undefined when there is no bearer token. */
  authenticate(header: string | undefined): UserInfo | undefined {
    if (!header) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized();
    for (const [username, a] of this.accounts) {
      if (a.token === m[1]) return { username, groups: [...a.groups, "system:authenticated"] };
    }
    throw unauthorized();
  }

  snapshot() { return Object.fromEntries(this.accounts); }
  load(s: Record<string, Account>) { for (const [u, a] of Object.entries(s)) this.accounts.set(u, a); }
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",").map((s) => s.trim())).filter(Boolean);

/** Applies impersonation headers after checking the `impersonate` verb for each requested identity. */
export function impersonate(src: RuleSource, user: UserInfo, headers: IncomingHttpHeaders): UserInfo {
  const target = headers["impersonate-user"] as string | undefined;
  const groups = list(headers["impersonate-group"]);
  if (!target && groups.length === 0) return user;
  if (!target) throw badRequest(`requested [${groups.map((g) => `{Group  ${g}  authentication.k8s.io/v1  }`).join(" ")}] without impersonating a user`);
  const check = (a: Omit<Attributes, "user" | "verb" | "resourceRequest">) => {
    const attrs: Attributes = { user, verb: "impersonate", resourceRequest: true, ...a };
    if (!authorize(src, attrs).allowed) throw forbidden({ group: a.apiGroup ?? "", resource: a.resource! }, a.name, deniedMessage(attrs));
  };
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(target);
  if (sa) check({ apiGroup: "", resource: "serviceaccounts", namespace: sa[1], name: sa[2] });
  else check({ apiGroup: "", resource: "users", name: target });
  for (const g of groups) check({ apiGroup: "", resource: "groups", name: g });
  const implied = sa ? ["system:serviceaccounts", `system:serviceaccounts:${sa[1]}`] : [];
  return { username: target, groups: [...new Set([...groups, ...implied, "system:authenticated"])] };
}
