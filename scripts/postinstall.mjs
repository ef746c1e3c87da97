// Fixes to two dependencies, applied in place after every install (idempotent), then `prisma generate`.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** Applies each [from, to] replacement once; a file already carrying `marker` is left alone. */
function patch(file, marker, replacements) {
  if (!existsSync(file)) return;
  let src = readFileSync(file, "utf8");
  if (src.includes(marker)) return;
  for (const [from, to] of replacements) {
    const next = src.replace(from, to);
    if (next === src) throw new Error(`postinstall: ${file} no longer matches ${from}; review this patch`);
    src = next;
  }
  writeFileSync(file, `/* ${marker} */\n${src}`);
}

// @prisma/adapter-pg 6.19.3 cannot read PostgreSQL's `name` (OID 19) and `"char"` (OID 18) columns,
// which the schema engine's introspection returns (prisma/orm#27403). Map both to text.
for (const file of ["node_modules/@prisma/adapter-pg/dist/index.js", "node_modules/@prisma/adapter-pg/dist/index.mjs"]) {
  patch(file, "tenantry: name/char as text", [
    [/function fieldToColumnType\((\w+)\) \{/, (m, arg) => `${m}\n  if (${arg} === 19 || ${arg} === 18) return ColumnTypeEnum.Text;`],
  ]);
}

// @electric-sql/pglite-socket 0.2.17 queues each wire message on its own, so the extended-protocol
// messages (Parse, Bind, Describe, Execute … Sync) of two connections can interleave outside a
// transaction ("bind message supplies N parameters…"). Keep serving one connection from its first
// extended-protocol message to its Sync, as the queue already does for transactions. Also keep the
// queue running after a failed message instead of stalling it.
const socketDist = "node_modules/@electric-sql/pglite-socket/dist";
for (const file of existsSync(socketDist) ? readdirSync(socketDist).filter((f) => /^(chunk-.*\.js|index\.cjs)$/.test(f)) : []) {
  const path = `${socketDist}/${file}`;
  if (!readFileSync(path, "utf8").includes("clearTransactionIfNeeded(")) continue;
  patch(path, "tenantry: extended-protocol batches stay together", [
    ["if(this.db.isInTransaction()&&this.lastHandlerId){", "if((this.db.isInTransaction()||this.midBatch)&&this.lastHandlerId){"],
    ["this.lastHandlerId=i.handlerId,i.resolve(s)", "this.lastHandlerId=i.handlerId,this.midBatch=/[PBDECH]/.test(String.fromCharCode(i.message[0])),i.resolve(s)"],
    ["i.reject(t);return}", "i.reject(t);continue}"],
    ["async clearTransactionIfNeeded(i){", "async clearTransactionIfNeeded(i){if(this.midBatch&&this.lastHandlerId===i){this.midBatch=!1,this.lastHandlerId=null,await this.processQueue()}"],
  ]);
}

// Generate the Prisma client. Prisma 6 reads the datasource URL even to generate; without one it
// tries to download a query engine, which this offline setup neither can nor needs to.
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://unused:unused@127.0.0.1:1/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
