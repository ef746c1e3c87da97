import { expect, it } from "vitest";
import { poolConfig } from "./connection";

it("reads the server, credentials and database from DATABASE_URL", () => {
  expect(poolConfig("postgresql://app:p%40ss@db.internal:6432/tenantry", { max: 3 })).toEqual({
    host: "db.internal", port: 6432, user: "app", password: "p@ss", database: "tenantry", max: 3,
  });
  expect(poolConfig("postgres://app:pw@db.internal/")).toMatchObject({ port: 5432, database: "postgres" });
});

it("connects by the Unix socket in the directory a host parameter names, on the URL's port", () => {
  expect(poolConfig("postgresql://app:pw@localhost:5433/tenantry?host=/var/run/postgresql")).toMatchObject({
    host: "/var/run/postgresql", port: 5433, database: "tenantry",
  });
});
