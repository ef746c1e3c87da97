// @prisma/adapter-pg 6.19.3 cannot read PostgreSQL's `name` (OID 19) and `"char"` (OID 18) columns,
// which the schema engine's introspection returns (prisma/orm#27403). Map both to text.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const marker = "/* tenantry: name/char as text */";
for (const file of ["node_modules/@prisma/adapter-pg/dist/index.js", "node_modules/@prisma/adapter-pg/dist/index.mjs"]) {
  if (!existsSync(file)) continue;
  const src = readFileSync(file, "utf8");
  if (src.includes(marker)) continue;
  const patched = src.replace(/function fieldToColumnType\((\w+)\) \{/, (m, arg) =>
    `${m}\n  ${marker} if (${arg} === 19 || ${arg} === 18) return ColumnTypeEnum.Text;`);
  if (patched === src) console.warn(`postinstall: could not patch ${file}`);
  else writeFileSync(file, patched);
}

// Generate the Prisma client. Prisma 6 reads the datasource URL even to generate; without one it
// tries to download a query engine, which this offline setup neither can nor needs to.
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://unused:unused@127.0.0.1:1/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
