import { oidcConfigOf, type ProviderSettings } from "./providers";
import { testLdap } from "./ldap";

/** A reachability check an admin runs from the settings page; failures are answers, not errors. */
export async function testConnection(p: ProviderSettings): Promise<{ ok: boolean; message: string }> {
  try {
    if (p.type === "ldap") {
      await testLdap(p);
      return { ok: true, message: "Bound as the service account and searched the user base." };
    }
    const issuer = oidcConfigOf(p).issuer.replace(/\/$/, "");
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return { ok: false, message: `Discovery answered ${res.status}.` };
    const doc = (await res.json()) as { issuer?: string; authorization_endpoint?: string };
    if (doc.issuer?.replace(/\/$/, "") !== issuer) return { ok: false, message: `Discovery names issuer "${doc.issuer}", not "${issuer}".` };
    return { ok: true, message: `Discovery found; authorization endpoint ${doc.authorization_endpoint}.` };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}
