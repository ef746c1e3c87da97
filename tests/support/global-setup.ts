// Integration tests get a migrated PostgreSQL: TENANTRY_TEST_DATABASE_URL (CI points it at a real
// PostgreSQL 15 server; its schema is reset first) or an in-memory embedded one.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/setup/migrate";
import { poolConfig } from "../../lib/db/connection";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TENANTRY_TEST_DATABASE_URL;
  const embedded = url ? undefined : await startEmbeddedPostgres();
  if (url) {
    const client = new pg.Client(poolConfig(url));
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  } else url = embedded!.url;
  await migrate(url);
  project.provide("databaseUrl", url);
  return async () => {
    await embedded?.stop();
  };
}
