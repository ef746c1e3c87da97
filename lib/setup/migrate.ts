import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `prisma migrate deploy` against the given database (the offline WebAssembly engine, see prisma.config.ts). */
export async function migrate(databaseUrl: string): Promise<void> {
  await run(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
