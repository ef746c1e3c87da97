import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/client/types";
import { gainedPermissions } from "./role-change";

const role = (name: string, templates: string[]): Role => ({ name, level: "workspace", displayName: null, description: null, builtIn: true, templates, memberCount: 0 });
const roles = [
  role("viewer", ["members.view", "projects.view"]),
  role("regular", ["members.view", "projects.view", "projects.create"]),
  role("auditor", ["audit.view", "members.view"]),
];

describe("gainedPermissions", () => {
  it("names what a raise adds", () => {
    expect(gainedPermissions(roles, "viewer", "regular")).toEqual(["projects.create"]);
  });

  it("asks nothing for a lowering or the same role", () => {
    expect(gainedPermissions(roles, "regular", "viewer")).toEqual([]);
    expect(gainedPermissions(roles, "regular", "regular")).toEqual([]);
  });

  it("counts a sideways move that adds anything as a raise", () => {
    expect(gainedPermissions(roles, "viewer", "auditor")).toEqual(["audit.view"]);
  });

  it("treats an unknown current role as holding nothing", () => {
    expect(gainedPermissions(roles, "gone", "viewer")).toEqual(["members.view", "projects.view"]);
  });
});
