// Runs in every integration worker before the test files: point lib/db at the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TENANTRY_SECRET_KEY ??= "integration-tests-secret-key";
process.env.TENANTRY_KUBE_TIMEOUT_MS ??= "2000";
