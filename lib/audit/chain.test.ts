import { describe, expect, it } from "vitest";
import { eventHash, GENESIS, weekOf, type SealedFields } from "./chain";

const event: SealedFields = {
  auditId: "00000000-0000-4000-8000-000000000001",
  source: "console",
  action: "workspace.create",
  verb: "create",
  username: "admin",
  resource: "workspaces",
  namespace: null,
  name: "team-a",
  cluster: null,
  workspace: "team-a",
  project: null,
  outcome: "success",
  statusCode: 201,
  reason: null,
  sourceIp: "127.0.0.1",
  userAgent: "test",
  receivedAt: new Date("2026-11-26T10:00:00Z"),
  completedAt: new Date("2026-11-26T10:00:01Z"),
};

describe("eventHash", () => {
  it("is stable for the same event and predecessor", () => {
    expect(eventHash(GENESIS, event)).toBe(eventHash(GENESIS, { ...event }));
    expect(eventHash(GENESIS, event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any sealed field or the predecessor", () => {
    const base = eventHash(GENESIS, event);
    expect(eventHash(GENESIS, { ...event, outcome: "denied" })).not.toBe(base);
    expect(eventHash(GENESIS, { ...event, username: "mallory" })).not.toBe(base);
    expect(eventHash("f".repeat(64), event)).not.toBe(base);
  });
});

describe("weekOf", () => {
  it("names the Monday 00:00 UTC that starts the partition's week", () => {
    expect(weekOf(new Date("2026-11-26T20:00:00Z"))).toBe("2026-11-23T00:00:00.000Z"); // a Thursday
    expect(weekOf(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23T00:00:00.000Z"); // Monday itself
    expect(weekOf(new Date("2026-11-29T23:59:59.999Z"))).toBe("2026-11-23T00:00:00.000Z"); // Sunday night
    expect(weekOf(new Date("2027-01-01T12:00:00Z"))).toBe("2026-12-28T00:00:00.000Z"); // across a year
  });
});
