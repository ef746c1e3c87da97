// A real OpenLDAP server (Debian's slapd) on 127.0.0.1 for tests: an mdb database loaded with the
// given people and groups; `cn=admin` is the service account. Needs `apt-get install slapd`.
// It serves plain LDAP (which can be upgraded with StartTLS) and LDAPS, with a certificate from a
// throwaway CA made for this server only.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTls } from "@/lib/net/tls";
import { freePort } from "@/lib/net/free-port";

export const LDAP_SUFFIX = "dc=example,dc=test";
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_SUFFIX}`;
export const LDAP_ADMIN_PASSWORD = "ldap-admin-secret";

export interface LdapPerson {
  uid: string;
  password: string;
  name: string;
  mail?: string;
  groups: string[];
}

export interface TestLdap {
  /** ldap://, where StartTLS works too. */
  url: string;
  ldapsUrl: string;
  /** PEM of the CA that issued the server's certificate (for 127.0.0.1 and localhost). */
  caCert: string;
  stop(): Promise<void>;
}


function ldif(people: LdapPerson[]): string {
  const groups = [...new Set(people.flatMap((p) => p.groups))];
  const entries = [
    `dn: ${LDAP_SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example`,
    `dn: ou=people,${LDAP_SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${LDAP_SUFFIX}\nobjectClass: organizationalUnit\nou: groups`,
    ...people.map((p) => `dn: uid=${p.uid},ou=people,${LDAP_SUFFIX}\nobjectClass: inetOrgPerson\nuid: ${p.uid}\ncn: ${p.name}\nsn: ${p.name}\n${p.mail ? `mail: ${p.mail}\n` : ""}userPassword: ${p.password}`),
    ...groups.map((g) => `dn: cn=${g},ou=groups,${LDAP_SUFFIX}\nobjectClass: groupOfNames\ncn: ${g}\n${people.filter((p) => p.groups.includes(g)).map((p) => `member: uid=${p.uid},ou=people,${LDAP_SUFFIX}`).join("\n")}`),
  ];
  return entries.join("\n\n") + "\n";
}

async function waitForPort(port: number, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, "127.0.0.1", () => (sock.end(), resolve(true))).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`slapd did not listen on ${port}`);
}

export async function startLdap(people: LdapPerson[]): Promise<TestLdap> {
  const dir = mkdtempSync(join(tmpdir(), "tenantry-ldap-"));
  mkdirSync(join(dir, "data"));
  const tls = generateTls(["127.0.0.1", "localhost"]);
  for (const [file, pem] of Object.entries({ "ca.crt": tls.caCert, "server.crt": tls.cert, "server.key": tls.key })) writeFileSync(join(dir, file), pem);
  const conf = join(dir, "slapd.conf");
  writeFileSync(
    conf,
    ["core", "cosine", "inetorgperson"].map((s) => `include /etc/ldap/schema/${s}.schema`).join("\n") +
      `\nmodulepath /usr/lib/ldap\nmoduleload back_mdb\npidfile ${dir}/slapd.pid\n` +
      `TLSCACertificateFile ${dir}/ca.crt\nTLSCertificateFile ${dir}/server.crt\nTLSCertificateKeyFile ${dir}/server.key\n` +
      `database mdb\nsuffix "${LDAP_SUFFIX}"\nrootdn "${LDAP_ADMIN_DN}"\nrootpw ${LDAP_ADMIN_PASSWORD}\ndirectory ${dir}/data\n` +
      `access to attrs=userPassword by anonymous auth by * none\naccess to * by * read\n`,
  );
  writeFileSync(join(dir, "data.ldif"), ldif(people));
  execFileSync("/usr/sbin/slapadd", ["-f", conf, "-l", join(dir, "data.ldif")], { stdio: "pipe" });
  const [port, tlsPort] = [await freePort(), await freePort()];
  const listen = `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`;
  const proc: ChildProcess = spawn("/usr/sbin/slapd", ["-f", conf, "-h", listen, "-d", "0"], { stdio: "ignore" });
  await waitForPort(port);
  await waitForPort(tlsPort);
  return {
    url: `ldap://127.0.0.1:${port}`,
    ldapsUrl: `ldaps://127.0.0.1:${tlsPort}`,
    caCert: tls.caCert,
    stop: async () => {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
