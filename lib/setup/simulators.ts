// Runs the bundled cluster simulators (sim/) as child processes for the demo, on ports that stay
// the same across restarts. Over HTTPS: kubectl sends no bearer token over plain HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../net/free-port";

export interface RunningSimulator {
  name: string;
  url: string;
  kubeconfigPath: string;
  kubeconfig: string;
  process: ChildProcess;
}

async function stablePorts(dir: string, names: string[]): Promise<Record<string, number>> {
  const file = join(dir, "ports.json");
  const ports: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  for (const n of names) ports[n] ??= await freePort();
  writeFileSync(file, JSON.stringify(ports));
  return ports;
}

/** `users` get kubeconfigs of their own (<cluster>-<user>.kubeconfig), e.g. `tenantry:alice`. */
export async function startSimulatorProcesses(names: string[], dir: string, users: string[] = []): Promise<RunningSimulator[]> {
  mkdirSync(dir, { recursive: true });
  const ports = await stablePorts(dir, names);
  return Promise.all(
    names.map(async (name) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "sim/main.mts", "--tls", "--name", name, "--port", String(ports[name]), "--kubeconfig-dir", dir, "--snapshot", join(dir, `${name}.snapshot.json`), ...users.flatMap((u) => ["--user", u])],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      const ready = await new Promise<{ url: string; kubeconfig: string }>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`simulator ${name} exited with ${code}`)));
        createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
      });
      child.removeAllListeners("exit");
      return { name, url: ready.url, kubeconfigPath: ready.kubeconfig, kubeconfig: readFileSync(ready.kubeconfig, "utf8"), process: child };
    }),
  );
}
