// `npm run audit:verify`: proves the audit chain intact or names the first broken link (exit 1).
// Uses DATABASE_URL, else the demo's embedded database in $TENANTRY_DATA_DIR (only while the demo is stopped).
import { join } from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded.ts";

let pg: EmbeddedPostgres | undefined;
if (!process.env.DATABASE_URL) {
  const dataDir = process.env.TENANTRY_DATA_DIR || ".tenantry";
  try {
    pg = await startEmbeddedPostgres(join(dataDir, "pgdata"));
  } catch (err) {
    console.error(`Cannot open the embedded database in ${dataDir}/pgdata (stop the console first, or set DATABASE_URL): ${(err as Error).message}`);
    process.exit(2);
  }
  process.env.DATABASE_URL = pg.url;
}
const { verifyChain } = await import("../lib/audit/verify.ts");
const { db } = await import("../lib/db/client.ts");
const started = Date.now();
const result = await verifyChain({ onProgress: (n) => process.stderr.write(`\rchecked ${n} events…`) });
process.stderr.write("\r");
const secs = ((Date.now() - started) / 1000).toFixed(1);
if (result.intact) {
  console.log(`audit chain intact: ${result.checked} events in ${result.chains} chains (seq ${result.firstSeq ?? "-"}…${result.lastSeq ?? "-"}) in ${secs} s`);
} else {
  console.log(`audit chain BROKEN at seq ${result.broken!.seq} (auditId ${result.broken!.auditId}): ${result.broken!.reason}`);
  console.log(`${result.checked} events before it verified`);
}
await db().$disconnect();
await pg?.stop();
process.exit(result.intact ? 0 : 1);
