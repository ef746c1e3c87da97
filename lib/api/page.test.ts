import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { encodeCursor, encodeSortedCursor, keysetWhere, parseSort, readSortedCursor, sortValue, toSortedPage } from "./page";

const byName = parseSort("name");
const newestFirst = parseSort("-createdAt");

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error("no refusal");
}

describe("sort", () => {
  it("reads `field` as ascending and `-field` as descending, and writes them back", () => {
    expect(byName).toEqual({ field: "name", desc: false });
    expect(newestFirst).toEqual({ field: "createdAt", desc: true });
    expect(sortValue(newestFirst)).toBe("-createdAt");
  });
});

describe("sorted cursors", () => {
  it("carry the sort they were made for and the last row's value and key", () => {
    const cursor = encodeSortedCursor(newestFirst, { value: "2026-12-06T04:00:00.000Z", key: "web" });
    expect(readSortedCursor(cursor, newestFirst, byName)).toEqual({ value: "2026-12-06T04:00:00.000Z", key: "web" });
  });

  it("are refused under another sort (422 naming cursor) rather than restarting the list", () => {
    const cursor = encodeSortedCursor(newestFirst, { value: "2026-12-06T04:00:00.000Z", key: "web" });
    const err = refusal(() => readSortedCursor(cursor, parseSort("createdAt"), byName));
    expect(err.status).toBe(422);
    expect(err.issues).toEqual([expect.objectContaining({ path: "cursor" })]);
  });

  it("still continue the default order from a cursor given out before sorting existed (the bare name)", () => {
    expect(readSortedCursor(encodeCursor("alpha"), byName, byName)).toEqual({ value: "alpha", key: "alpha" });
    expect(refusal(() => readSortedCursor(encodeCursor("alpha"), newestFirst, byName)).status).toBe(422);
  });

  it("are refused when they are not a list's own", () => {
    expect(refusal(() => readSortedCursor(encodeCursor('["-createdAt",1]'), newestFirst, byName)).status).toBe(422);
  });

  it("are absent on the first page", () => {
    expect(readSortedCursor(undefined, newestFirst, byName)).toBeUndefined();
  });
});

describe("keysetWhere", () => {
  const field = (op: object): object => ({ createdAt: op });
  const key = (op: object): object => ({ name: op });

  it("asks nothing on the first page", () => {
    expect(keysetWhere(undefined, byName, "name", field, key)).toEqual({});
  });

  it("sorting by the key itself, asks for keys beyond the last one in the sort's direction", () => {
    expect(keysetWhere({ value: "m", key: "m" }, byName, "name", field, key)).toEqual({ AND: [{ name: { gt: "m" } }] });
    expect(keysetWhere({ value: "m", key: "m" }, parseSort("-name"), "name", field, key)).toEqual({ AND: [{ name: { lt: "m" } }] });
  });

  it("sorting by another field, asks for a value beyond, or the same value and a key beyond (the tiebreaker)", () => {
    const at = new Date("2026-12-06T04:00:00.000Z");
    expect(keysetWhere({ value: at.toISOString(), key: "web" }, newestFirst, "name", field, key, true)).toEqual({
      AND: [{ OR: [{ createdAt: { lt: at } }, { AND: [{ createdAt: { equals: at } }, { name: { lt: "web" } }] }] }],
    });
  });

  it("refuses an instant that is not one", () => {
    expect(refusal(() => keysetWhere({ value: "yesterday", key: "web" }, newestFirst, "name", field, key, true)).status).toBe(422);
  });
});

describe("toSortedPage", () => {
  const rows = [
    { name: "a", createdAt: new Date("2026-12-06T03:00:00.000Z") },
    { name: "b", createdAt: new Date("2026-12-06T02:00:00.000Z") },
    { name: "c", createdAt: new Date("2026-12-06T01:00:00.000Z") },
  ];
  const at = (r: (typeof rows)[number]) => ({ value: r.createdAt, key: r.name });

  it("gives the next page's cursor only when a row was left over, made from the last row shown", () => {
    const page = toSortedPage(rows, 2, newestFirst, at);
    expect(page.items.map((r) => r.name)).toEqual(["a", "b"]);
    expect(readSortedCursor(page.nextCursor!, newestFirst, byName)).toEqual({ value: "2026-12-06T02:00:00.000Z", key: "b" });
    expect(toSortedPage(rows, 3, newestFirst, at).nextCursor).toBeNull();
  });
});
