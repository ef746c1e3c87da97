import { describe, expect, it } from "vitest";
import { WorkQueue } from "./queue";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("WorkQueue", () => {
  it("runs a key added many times while queued once", async () => {
    const seen: string[] = [];
    const held = gate();
    const q = new WorkQueue(async (k) => {
      seen.push(k);
      if (k === "a") await held.opened;
    }, { concurrency: 1 });
    q.add("a");
    // The only worker is busy with "a" while "b" is added three times.
    q.add("b");
    q.add("b");
    q.add("b");
    held.open();
    await q.drained();
    expect(seen).toEqual(["a", "b"]);
  });

  it("processes a key re-added during its own run once more afterwards, never twice at once", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const first = gate();
    const q = new WorkQueue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      if (runs === 1) await first.opened;
      running--;
    }, { concurrency: 4 });
    q.add("p");
    await tick();
    q.add("p");
    q.add("p");
    first.open();
    await q.drained();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it("retries a failing key with growing delays up to the cap, and forgets them after a success", async () => {
    const at: number[] = [];
    const t0 = performance.now();
    let calls = 0;
    const q = new WorkQueue(async () => {
      at.push(performance.now() - t0);
      if (++calls < 5) throw new Error("cluster down");
    }, { concurrency: 1, baseDelayMs: 20, maxDelayMs: 60 });
    q.add("k");
    while (calls < 5) await tick(10);
    await q.drained();
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // 20, 40, 60 (capped), 60 (capped)
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(58);
    expect(gaps[3]).toBeLessThan(gaps[2]! + 40);
    expect(q.stats).toMatchObject({ processed: 5, failures: 4 });
    expect(q.retrying).toBe(0);
  });

  it("runs at most `concurrency` keys at once", async () => {
    let running = 0;
    let maxRunning = 0;
    const q = new WorkQueue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick(5);
      running--;
    }, { concurrency: 3 });
    for (let i = 0; i < 20; i++) q.add(`k${i}`);
    expect(q.depth).toBe(20);
    await q.drained();
    expect(maxRunning).toBe(3);
    expect(q.stats.processed).toBe(20);
  });
});
