// Kubeconfig YAML for a simulator user; everything is named after the simulator.
import YAML from "yaml";

export function kubeconfigYaml(opts: { name: string; url: string; token: string; caCert?: string }): string {
  const cluster = opts.caCert
    ? { server: opts.url, "certificate-authority-data": Buffer.from(opts.caCert).toString("base64") }
    : { server: opts.url, "insecure-skip-tls-verify": true };
  return YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: opts.name, cluster }],
    users: [{ name: opts.name, user: { token: opts.token } }],
    contexts: [{ name: opts.name, context: { cluster: opts.name, user: opts.name } }],
    "current-context": opts.name,
    preferences: {},
  });
}
