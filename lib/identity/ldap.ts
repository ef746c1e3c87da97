// LDAP / Active Directory: bind as the service account, find the user with the filter, bind as them
// with their password, read their groups; then map them like any external identity.
import { isIP } from "node:net";
import { Client, type Entry } from "ldapts";
import type { User } from "@prisma/client";
import { db } from "../db/client";
import { ldapConfigOf, secretOf, type ProviderRow, type ProviderSettings } from "./providers";
import type { LdapConfig } from "../schemas/identity";
import { mapExternalUser } from "./external";
import { isLocked, registerFailure } from "./lockout";
import { noteAttempt, withinSignInRate, type ClientMeta } from "./attempts";

/** RFC 4515 escaping, so a username cannot rewrite the filter. */
export const escapeFilter = (s: string) => s.replace(/[\\*()\0]/g, (ch) => "\\" + ch.charCodeAt(0).toString(16).padStart(2, "0"));

const first = (v: Entry[string] | undefined): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return x === undefined ? null : String(x);
};

/** A connection, TLS from the start (ldaps://) or upgraded with StartTLS when configured. */
async function open(c: LdapConfig): Promise<Client> {
  const tls = { rejectUnauthorized: !c.insecureSkipVerify, ...(c.caCert ? { ca: c.caCert } : {}) };
  // ldapts speaks TLS whenever tlsOptions are given, so they are only for ldaps:// URLs.
  const client = new Client({ url: c.url, timeout: 5000, connectTimeout: 5000, ...(c.url.startsWith("ldaps:") ? { tlsOptions: tls } : {}) });
  if (!c.startTls) return client;
  // The certificate is checked against the connected host either way; a host name also goes out as SNI.
  const host = new URL(c.url).hostname.replace(/^\[|\]$/g, "");
  return upTo(client, () => client.startTLS({ ...tls, ...(isIP(host) ? {} : { servername: host }) }));
}

/** The client once `step` succeeds; when it fails the connection is closed, not left open. */
async function upTo(client: Client, step: () => Promise<unknown>): Promise<Client> {
  try {
    await step();
    return client;
  } catch (err) {
    await client.unbind().catch(() => {});
    throw err;
  }
}

async function connect(p: ProviderSettings): Promise<Client> {
  const c = ldapConfigOf(p);
  const client = await open(c);
  return c.bindDn ? upTo(client, () => client.bind(c.bindDn, secretOf(p))) : client;
}

/** The test-connection check: the service account binds and the user base can be searched. */
export async function testLdap(p: ProviderSettings): Promise<void> {
  const client = await connect(p);
  try {
    await client.search(ldapConfigOf(p).userBase, { scope: "base", attributes: ["dn"] });
  } finally {
    await client.unbind().catch(() => {});
  }
}

type Found = { dn: string; username: string; email: string | null; displayName: string | null; groups: string[] };

/** The directory's answer for username + password, or null when they do not match one entry. */
export async function authenticateLdap(p: ProviderRow, username: string, password: string): Promise<Found | null> {
  if (!password) return null; // an empty password would be an anonymous bind, which "succeeds"
  const c = ldapConfigOf(p);
  const client = await connect(p);
  try {
    const filter = c.userFilter.replaceAll("{username}", escapeFilter(username));
    const { searchEntries } = await client.search(c.userBase, { scope: "sub", filter, attributes: [c.usernameAttribute, c.emailAttribute, c.nameAttribute] });
    if (searchEntries.length !== 1) return null;
    const entry = searchEntries[0]!;
    const userClient = await open(c);
    try {
      await userClient.bind(entry.dn, password);
    } catch {
      return null;
    } finally {
      await userClient.unbind().catch(() => {});
    }
    let groups: string[] = [];
    if (c.groupBase) {
      const gf = c.groupFilter.replaceAll("{dn}", escapeFilter(entry.dn)).replaceAll("{username}", escapeFilter(username));
      const res = await client.search(c.groupBase, { scope: "sub", filter: gf, attributes: [c.groupNameAttribute] });
      groups = res.searchEntries.map((g) => first(g[c.groupNameAttribute])).filter((g): g is string => !!g);
    }
    return { dn: entry.dn, username: first(entry[c.usernameAttribute]) ?? username, email: first(entry[c.emailAttribute]), displayName: first(entry[c.nameAttribute]), groups };
  } finally {
    await client.unbind().catch(() => {});
  }
}

export async function signInLdap(p: ProviderRow, rawUsername: string, password: string, meta: ClientMeta): Promise<User | null> {
  const username = rawUsername.trim().toLowerCase();
  const fail = async (user: User | null, reason: string) => {
    await noteAttempt({ user, username, provider: p.name, reason, meta });
    return null;
  };
  if (!(await withinSignInRate(meta))) return fail(null, "rate limited");
  const known = username ? await db().user.findUnique({ where: { username } }) : null;
  if (known && isLocked(known)) return fail(known, "account locked");
  let found: Found | null;
  try {
    found = username ? await authenticateLdap(p, username, password) : null;
  } catch (err) {
    return fail(known, `directory unavailable: ${(err as Error).message}`);
  }
  if (!found) {
    if (known?.identityProviderId === p.id) await registerFailure(known.id, meta);
    return fail(known, "invalid username or password");
  }
  const result = await mapExternalUser(p, { ...found, externalId: found.dn });
  await noteAttempt({ user: result.user, username, provider: p.name, reason: result.reason, meta });
  return result.reason === null ? result.user : null;
}
