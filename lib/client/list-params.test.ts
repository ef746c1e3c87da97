import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listParams, readListView } from "./list-params";

describe("a list's view read from the URL", () => {
  it("gives the route the search, sort and the list's own filters, under the list's prefix", () => {
    const url = new URLSearchParams("members.q=ali&members.sort=-createdAt&members.role=admin&members.hide=email,joined&role=viewer&other=1");
    const view = readListView((k) => url.get(k) ?? undefined, ["role"], "members");
    expect(view).toEqual({ q: "ali", sort: "-createdAt", filters: { role: "admin" }, hidden: ["email", "joined"], params: { role: "admin", q: "ali", sort: "-createdAt" } });
  });

  it("leaves empty values out", () => {
    expect(readListView(() => "", ["status"])).toEqual({ q: "", sort: undefined, filters: {}, hidden: [], params: {} });
  });

  // The server asks a list ahead under the key the browser's query will use: both must read a URL the same way.
  it("reads a page's searchParams on the server as the browser reads its URL", () => {
    const key = fc.constantFrom("q", "sort", "status", "role", "hide", "x.q", "x.role");
    const query = fc.array(fc.tuple(key, fc.string({ maxLength: 4 })), { maxLength: 8 });
    fc.assert(
      fc.property(query, fc.constantFrom("", "x"), (pairs, prefix) => {
        const url = new URLSearchParams(pairs);
        // What Next hands a page: a key's only value, or all of a repeated key's values.
        const search: Record<string, string | string[]> = {};
        for (const [k, v] of pairs) search[k] = k in search ? [search[k]!].flat().concat(v) : v;
        expect(listParams(search, ["status", "role"], prefix)).toEqual(readListView((k) => url.get(k) ?? undefined, ["status", "role"], prefix).params);
      }),
    );
  });
});
