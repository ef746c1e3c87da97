// CLI: `npm run sim -- --name host --port 6443 --kubeconfig-dir .tenantry/clusters [--tls] [--snapshot file] [--nodes 3]
//        [--user tenantry:alice …]`: writes the admin kubeconfig, and one per --user (<name>-<user>.kubeconfig).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startSimulator } from "./index.ts";

const { values } = parseArgs({
  options: {
    name: { type: "string", default: "simulator" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "0" },
    "kubeconfig-dir": { type: "string", default: ".tenantry/clusters" },
    tls: { type: "boolean", default: false },
    snapshot: { type: "string" },
    nodes: { type: "string", default: "3" },
    user: { type: "string", multiple: true, default: [] },
  },
});

const dir = values["kubeconfig-dir"]!;
const sim = await startSimulator({
  name: values.name, host: values.host, port: Number(values.port), tls: values.tls,
  kubeconfigDir: dir, snapshotPath: values.snapshot, nodes: Number(values.nodes),
});
for (const user of values.user!) {
  const file = resolve(dir, `${sim.name}-${user.replace(/[^A-Za-z0-9-]/g, "-")}.kubeconfig`);
  writeFileSync(file, sim.kubeconfig(user), { mode: 0o600 });
}
console.log(JSON.stringify({ name: sim.name, url: sim.url, kubeconfig: resolve(dir, `${sim.name}.kubeconfig`) }));

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await sim.stop();
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
