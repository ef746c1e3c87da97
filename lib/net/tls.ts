// A private CA and a serving certificate signed by it: the simulator's HTTPS, the test LDAP server's, and the
// audit webhook listener's in the demo. node-forge because Node's crypto verifies certificates but cannot
// make them (the keys themselves come from Node's crypto).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { isIP } from "node:net";
import forge from "node-forge";

export interface TlsMaterial {
  caCert: string;
  cert: string;
  key: string;
}

const serial = () => "01" + randomBytes(16).toString("hex"); // positive, as RFC 5280 wants

function rsaKeys() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { pem, forge: forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey };
}

function certificate(subject: string, publicKey: forge.pki.PublicKey, days: number) {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = serial();
  cert.publicKey = publicKey;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  cert.setSubject([{ name: "commonName", value: subject }]);
  return cert;
}

/** A new private CA and a serving certificate signed by it for `hosts` (DNS names or IP addresses). */
export function generateTls(hosts: string[], days = 825): TlsMaterial {
  const caKey = rsaKeys();
  const caPublic = forge.pki.setRsaPublicKey(caKey.forge.n, caKey.forge.e);
  const ca = certificate("Tenantry private CA", caPublic, days);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  ca.sign(caKey.forge, forge.md.sha256.create());

  const key = rsaKeys();
  const cert = certificate(hosts[0] ?? "localhost", forge.pki.setRsaPublicKey(key.forge.n, key.forge.e), days);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })) },
    { name: "authorityKeyIdentifier", keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey.forge, forge.md.sha256.create());
  return { caCert: forge.pki.certificateToPem(ca), cert: forge.pki.certificateToPem(cert), key: key.pem };
}
