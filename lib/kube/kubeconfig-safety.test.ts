import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { checkKubeconfig, KubeconfigRefused } from "./kubeconfig-safety";
import { loadKubeConfig } from "./client";
import { localizeServerMessage } from "../i18n/server-messages";

const dir = mkdtempSync(join(tmpdir(), "kubeconfig-safety-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig with one cluster and one user, their entries as given. */
const kubeconfig = (user: Record<string, unknown>, cluster: Record<string, unknown> = { server: "https://10.0.0.1:6443", "certificate-authority-data": "Q0E=" }) =>
  YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "c", cluster }],
    users: [{ name: "u", user }],
    contexts: [{ name: "c", context: { cluster: "c", user: "u", namespace: "default" } }],
    "current-context": "c",
    preferences: {},
  });

function refusal(source: string): string[] {
  try {
    checkKubeconfig(source);
  } catch (err) {
    expect(err).toBeInstanceOf(KubeconfigRefused);
    return (err as KubeconfigRefused).problems;
  }
  throw new Error("the kubeconfig was accepted");
}

describe("checkKubeconfig refuses what runs code or reads local files, naming the entry and key", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["exec (a credential plugin)", { exec: { apiVersion: "client.authentication.k8s.io/v1", command: "/bin/sh", args: ["-c", "id"] } }, /^users\[0\]\.user\.exec runs a local command/],
    ["auth-provider", { "auth-provider": { name: "gcp", config: { "cmd-path": "/bin/sh", "cmd-args": "-c id" } } }, /^users\[0\]\.user\.auth-provider is an auth provider plugin/],
    ["tokenFile", { tokenFile: "/var/run/secrets/token" }, /^users\[0\]\.user\.tokenFile reads a local file; give its contents inline as token$/],
    ["token-file", { "token-file": "/etc/passwd" }, /^users\[0\]\.user\.token-file reads a local file/],
    ["client-certificate", { "client-certificate": "/etc/ssl/me.crt", "client-key-data": "a2V5" }, /^users\[0\]\.user\.client-certificate reads a local file; give its contents inline as client-certificate-data$/],
    ["client-key", { "client-certificate-data": "Y2VydA==", "client-key": "/etc/ssl/me.key" }, /^users\[0\]\.user\.client-key reads a local file/],
    ["an unknown user key", { "future-plugin": { command: "x" } }, /^users\[0\]\.user\.future-plugin is not accepted/],
    ["a token that is no string", { token: { nested: true } }, /^users\[0\]\.user\.token must be a string$/],
  ])("a user with %s", (_, user, message) => {
    expect(refusal(kubeconfig(user))).toEqual([expect.stringMatching(message)]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["certificate-authority (a file path)", { server: "https://10.0.0.1", "certificate-authority": "/etc/kubernetes/pki/ca.crt" }, /^clusters\[0\]\.cluster\.certificate-authority reads a local file; give its contents inline as certificate-authority-data$/],
    ["a SOCKS proxy", { server: "https://10.0.0.1", "proxy-url": "socks5://127.0.0.1:1080" }, /^clusters\[0\]\.cluster\.proxy-url must be an http or https URL$/],
    ["a unix-socket proxy", { server: "https://10.0.0.1", "proxy-url": "unix:///var/run/docker.sock" }, /proxy-url must be an http or https URL/],
    ["a proxy that is no URL", { server: "https://10.0.0.1", "proxy-url": "/var/run/proxy.sock" }, /proxy-url must be an http or https URL/],
    ["a server that is a file", { server: "file:///etc/passwd" }, /^clusters\[0\]\.cluster\.server must be an http or https URL$/],
    ["an unknown cluster key", { server: "https://10.0.0.1", "certificate-authority-file": "/x" }, /^clusters\[0\]\.cluster\.certificate-authority-file is not accepted/],
    ["insecure-skip-tls-verify as a string", { server: "https://10.0.0.1", "insecure-skip-tls-verify": "yes" }, /insecure-skip-tls-verify must be true or false/],
  ])("a cluster with %s", (_, cluster, message) => {
    expect(refusal(kubeconfig({ token: "t" }, cluster))).toEqual([expect.stringMatching(message)]);
  });

  it("names every refused key of every entry, also entries the current context does not use", () => {
    const source = YAML.stringify({
      clusters: [{ name: "a", cluster: { server: "https://a" } }, { name: "b", cluster: { server: "https://b", "certificate-authority": "/ca" } }],
      users: [{ name: "ok", user: { token: "t" } }, { name: "bad", user: { exec: { command: "sh" }, tokenFile: "/t" } }],
      contexts: [{ name: "a", context: { cluster: "a", user: "ok" } }],
      "current-context": "a",
    });
    expect(refusal(source).map((p) => p.split(" ")[0])).toEqual(["users[1].user.exec", "users[1].user.tokenFile", "clusters[1].cluster.certificate-authority"]);
  });

  it("refuses a plugin hidden behind a YAML merge key, which js-yaml (client-node's parser) would merge in", () => {
    const source = `clusters: [{name: c, cluster: {server: "https://10.0.0.1"}}]
users:
- name: u
  user:
    <<: {exec: {command: /bin/sh, args: ["-c", "id"]}}
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
`;
    expect(refusal(source)).toEqual([expect.stringMatching(/^users\[0\]\.user\.<< is not accepted/)]);
  });

  it.each([
    ["YAML that does not parse", "clusters: [", /^not YAML: /],
    ["a list instead of a mapping", "- a\n- b\n", /^a kubeconfig is a YAML mapping$/],
    ["users that are no list", "users: {name: u}\n", /^users must be a list$/],
    ["a user entry that is no mapping", "users: [u]\n", /^users\[0\] must be a mapping$/],
  ])("refuses %s", (_, source, message) => {
    expect(refusal(source)).toEqual([expect.stringMatching(message)]);
  });
});

describe("checkKubeconfig accepts inline credentials", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a bearer token", { token: "abc.def" }],
    ["an inline client certificate and key", { "client-certificate-data": "Y2VydA==", "client-key-data": "a2V5" }],
    ["a username and password", { username: "admin", password: "secret" }],
  ])("%s", (_, user) => {
    expect(checkKubeconfig(kubeconfig(user)).users[0]).toEqual({ name: "u", user });
  });

  it("a cluster by https or http URL, with inline CA, TLS options and an http(s) proxy", () => {
    for (const cluster of [
      { server: "https://10.0.0.1:6443", "certificate-authority-data": "Q0E=", "tls-server-name": "kubernetes", "disable-compression": true },
      { server: "http://127.0.0.1:8080", "insecure-skip-tls-verify": true },
      { server: "https://api.example.com", "proxy-url": "http://proxy.example.com:3128" },
      { server: "https://api.example.com", "proxy-url": "https://user:pass@proxy.example.com" },
    ])
      expect(checkKubeconfig(kubeconfig({ token: "t" }, cluster)).clusters[0]).toEqual({ name: "c", cluster });
  });
});

describe("loadKubeConfig checks before client-node reads anything", () => {
  it("refuses a token-file without reading it (client-node reads it while loading)", () => {
    const secret = join(dir, "token");
    writeFileSync(secret, "stolen-token");
    const source = kubeconfig({ "token-file": secret });
    expect(() => loadKubeConfig(source)).toThrow(KubeconfigRefused);
  });

  it("refuses exec, so no request can ever start the plugin", () => {
    const marker = join(dir, "ran");
    expect(() => loadKubeConfig(kubeconfig({ exec: { apiVersion: "client.authentication.k8s.io/v1", command: "/bin/sh", args: ["-c", `touch ${marker}`] } }))).toThrow(/users\[0\]\.user\.exec/);
    expect(existsSync(marker)).toBe(false);
  });

  it("loads an accepted kubeconfig as before", () => {
    const kc = loadKubeConfig(kubeconfig({ token: "abc" }));
    expect(kc.getCurrentCluster()).toMatchObject({ server: "https://10.0.0.1:6443", caData: "Q0E=" });
    expect(kc.getCurrentUser()).toMatchObject({ token: "abc" });
    expect(kc.getContextObject("c")?.namespace).toBe("default");
  });
});

describe("every refusal reads in the console's languages", () => {
  it("as the field message a Chinese caller gets", () => {
    const problems = [
      ...refusal(YAML.stringify({
        clusters: [{ name: "c", cluster: { server: "file:///x", "certificate-authority": "/ca", "proxy-url": "socks5://h", other: 1, "insecure-skip-tls-verify": "yes", "tls-server-name": 7 } }],
        users: [{ name: "u", user: { exec: {}, "auth-provider": {}, tokenFile: "/t", other: 1 } }],
      })),
      ...refusal("clusters: ["),
      ...refusal("- a\n"),
      ...refusal("users: {}\n"),
      ...refusal("users: [u]\n"),
    ];
    expect(problems.length).toBeGreaterThanOrEqual(14);
    const english = problems.filter((p) => !/[\u4e00-\u9fff]/.test(localizeServerMessage(`Not a usable kubeconfig: ${p}`, "zh")));
    expect(english).toEqual([]);
  });
});
