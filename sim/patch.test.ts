import { describe, expect, it } from "vitest";
import { jsonPatch, mergePatch, strategicMergePatch } from "./patch";

const doc = { metadata: { name: "x", labels: { a: "1", b: "2" } }, spec: { containers: [{ name: "app", image: "v1" }, { name: "side", image: "s1" }] } };

describe("merge patch (RFC 7386)", () => {
  it.each([
    ["adds and replaces keys", { metadata: { labels: { c: "3", a: "9" } } }, { a: "9", b: "2", c: "3" }],
    ["null deletes keys", { metadata: { labels: { a: null } } }, { b: "2" }],
    ["replaces a map with a scalar", { metadata: { labels: "gone" } }, "gone"],
  ])("%s", (_, patch, labels) => {
    expect((mergePatch(doc, patch) as typeof doc).metadata.labels).toEqual(labels);
  });
  it("replaces lists wholesale", () => {
    expect((mergePatch(doc, { spec: { containers: [{ name: "only" }] } }) as typeof doc).spec.containers).toEqual([{ name: "only" }]);
  });
});

describe("strategic merge patch", () => {
  it("merges named list items by name and appends new ones", () => {
    const out = strategicMergePatch(doc, { spec: { containers: [{ name: "app", image: "v2" }, { name: "new", image: "n1" }] } }) as typeof doc;
    expect(out.spec.containers).toEqual([{ name: "app", image: "v2" }, { name: "side", image: "s1" }, { name: "new", image: "n1" }]);
  });
  it("drops $-directives and honours $patch: delete", () => {
    const out = strategicMergePatch(doc, { $setElementOrder: [], spec: { containers: [{ name: "side", $patch: "delete" }] } }) as typeof doc;
    expect(out.spec.containers.map((c) => c.name)).toEqual(["app"]);
    expect(out).not.toHaveProperty("$setElementOrder");
  });
});

describe("JSON patch (RFC 6902)", () => {
  it.each([
    ["add", [{ op: "add", path: "/metadata/labels/c", value: "3" }], (d: typeof doc) => d.metadata.labels, { a: "1", b: "2", c: "3" }],
    ["remove", [{ op: "remove", path: "/metadata/labels/a" }], (d: typeof doc) => d.metadata.labels, { b: "2" }],
    ["replace", [{ op: "replace", path: "/spec/containers/0/image", value: "v9" }], (d: typeof doc) => d.spec.containers[0].image, "v9"],
    ["append with -", [{ op: "add", path: "/spec/containers/-", value: { name: "z" } }], (d: typeof doc) => d.spec.containers.length, 3],
    ["insert at index", [{ op: "add", path: "/spec/containers/0", value: { name: "first" } }], (d: typeof doc) => d.spec.containers[0].name, "first"],
    ["move", [{ op: "move", from: "/metadata/labels/a", path: "/metadata/labels/z" }], (d: typeof doc) => d.metadata.labels, { b: "2", z: "1" }],
    ["copy", [{ op: "copy", from: "/metadata/name", path: "/metadata/labels/name" }], (d: typeof doc) => (d.metadata.labels as Record<string, string>).name, "x"],
    ["escaped keys", [{ op: "add", path: "/metadata/labels/tenantry.io~1project", value: "p" }], (d: typeof doc) => (d.metadata.labels as Record<string, string>)["tenantry.io/project"], "p"],
    ["passing test", [{ op: "test", path: "/metadata/name", value: "x" }], (d: typeof doc) => d.metadata.name, "x"],
  ])("%s", (_, ops, pick, want) => {
    expect(pick(jsonPatch(doc, ops) as typeof doc)).toEqual(want);
  });

  it("does not modify its input", () => {
    jsonPatch(doc, [{ op: "remove", path: "/metadata/labels/a" }]);
    expect(doc.metadata.labels.a).toBe("1");
  });

  it.each([
    ["failed test", [{ op: "test", path: "/metadata/name", value: "y" }]],
    ["missing path", [{ op: "replace", path: "/nope/deeper", value: 1 }]],
    ["remove missing key", [{ op: "remove", path: "/metadata/missing" }]],
    ["unknown op", [{ op: "frobnicate", path: "/a" }]],
  ])("rejects a %s with 422", (_, ops) => {
    expect(() => jsonPatch(doc, ops)).toThrow(expect.objectContaining({ code: 422 }));
  });
});
