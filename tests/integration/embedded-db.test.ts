// The embedded database serves several connections at once (the app's pool) without mixing up
// their extended-protocol messages; see the pglite-socket patch in scripts/postinstall.mjs.
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { poolConfig } from "@/lib/db/connection";

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});
afterAll(async () => {
  await embedded.stop();
});

it("answers many concurrent parameterised queries over many connections, each correctly", async () => {
  const pool = new pg.Pool(poolConfig(embedded.url, { max: 16 }));
  try {
    // Statements with different parameter counts: interleaved messages would bind one to the other's values.
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        i % 2
          ? pool.query("SELECT $1::int + $2::int AS sum, $3::text AS tag", [i, i, `q${i}`])
          : pool.query("SELECT $1::int AS sum, 'single' AS tag", [2 * i]),
      ),
    );
    results.forEach((r, i) => expect(r.rows[0]).toEqual({ sum: 2 * i, tag: i % 2 ? `q${i}` : "single" }));
  } finally {
    await pool.end();
  }
});
