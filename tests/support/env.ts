// Runs in every integration worker before the test files: point lib/db at the test database.
import { AsyncLocalStorage } from "node:async_hooks";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TENANTRY_SECRET_KEY ??= "integration-tests-secret-key";
// Generous: on a loaded CI machine a simulator can take seconds to answer a probe; a stopped one is refused at once.
process.env.TENANTRY_KUBE_TIMEOUT_MS ??= "10000";
// As Next's server does before loading any of its modules: request scopes (headers(), cookies()) need it.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
process.env.LOG_LEVEL ??= "warn"; // request lines only where a test asks for them (observability.test.ts)
