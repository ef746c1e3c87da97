// The audit histogram without `from` ("Any time") covers every matching event, as the search does, not the last day;
// where it starts is found within the caller's visibility, so it tells nothing of events they cannot see.
import { beforeAll, describe, expect, it } from "vitest";
import { record } from "@/lib/audit/record";
import { auditHistogram } from "@/lib/audit/search";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

const tag = uniqueName("hist");
const HOUR = 3_600_000;
const now = Date.now();
let admin: string;
let outsider: string;

const total = (h: { buckets: { count: number }[] }) => h.buckets.reduce((n, b) => n + b.count, 0);

beforeAll(async () => {
  admin = (await makeUser("platform-admin")).username;
  outsider = (await makeUser()).username;
  const ev = (hoursAgo: number, outcome: "success" | "denied") =>
    record({ action: "test.histogram", verb: "get", outcome, statusCode: outcome === "denied" ? 403 : 200, name: tag, reason: tag, receivedAt: new Date(now - hoursAgo * HOUR) });
  await ev(100, "denied");
  await ev(30, "success");
  await ev(0.2, "success");
});

describe("the audit histogram over any time", () => {
  it("starts at the first matching event, days back, with buckets wide enough for the span", async () => {
    const h = await auditHistogram(await principalOf(admin), { q: tag, interval: "auto" });
    expect(total(h)).toBe(3);
    expect(h.buckets.reduce((n, b) => n + b.denied, 0)).toBe(1);
    expect(Date.parse(h.from)).toBeLessThanOrEqual(now - 100 * HOUR);
    expect(Date.parse(h.from)).toBeGreaterThan(now - 101 * HOUR);
    expect(h.interval).toBe("6h");
  });

  it("ends at `to` when one is given, and starts at the first event before it", async () => {
    const h = await auditHistogram(await principalOf(admin), { q: tag, to: new Date(now - 20 * HOUR), interval: "auto" });
    expect(total(h)).toBe(2);
    expect(Date.parse(h.from)).toBeLessThanOrEqual(now - 100 * HOUR);
  });

  it("spans the last day when nothing matches, and for a caller who sees none of the events", async () => {
    for (const [who, q] of [[admin, uniqueName("nothing")], [outsider, tag]] as const) {
      const h = await auditHistogram(await principalOf(who), { q, interval: "auto" });
      expect(total(h)).toBe(0);
      expect(Date.parse(h.to) - Date.parse(h.from)).toBe(24 * HOUR);
    }
  });

  it("still refuses a bucket width too fine for the whole span", async () => {
    await expect(auditHistogram(await principalOf(admin), { q: tag, interval: "1m" })).rejects.toMatchObject({ status: 422 });
  });
});
