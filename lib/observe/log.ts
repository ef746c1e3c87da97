// Structured logs: one JSON line per API request and per background step (pino), on stdout, at LOG_LEVEL
// (default info). Fields are chosen by the callers and never include request bodies or headers; the redact
// list is a second guard for a secret that slips into an error object. `npm run demo` pretty-prints the lines
// (scripts/start.mts); everywhere else they stay JSON for the log pipeline.
import pino, { type Logger } from "pino";

const cache = globalThis as unknown as { tenantryLog?: Logger };

export function log(): Logger {
  cache.tenantryLog ??= pino({
    level: process.env.LOG_LEVEL || "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["password", "token", "secret", "authorization", "kubeconfig", "*.password", "*.token", "*.secret", "*.authorization", "*.kubeconfig"], censor: "[redacted]" },
  }, process.stdout); // through process.stdout, not a raw fd: one writer for the process's output, in order
  return cache.tenantryLog;
}
