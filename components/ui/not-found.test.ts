import { describe, expect, it } from "vitest";
import { sectionBack } from "./not-found";

const can = (held: string[]) => (permission: string) => held.includes(permission);

describe("where the not-found page's Back leads", () => {
  it("to the section's list, which everyone or the viewer may see", () => {
    expect(sectionBack("/workspaces/gone/members", can([]))).toEqual({ href: "/workspaces", label: "nav.workspaces" });
    expect(sectionBack("/clusters/gone", can(["clusters.view"]))).toEqual({ href: "/clusters", label: "nav.clusters" });
    expect(sectionBack("/platform/roles/gone", can(["platform-roles.view"]))).toEqual({ href: "/platform/roles", label: "nav.platformRoles" });
  });

  it("to the dashboard from a list the viewer may not see, or from an unknown path", () => {
    expect(sectionBack("/users/gone", can([]))).toEqual({ href: "/dashboard", label: "nav.dashboard" });
    expect(sectionBack("/no/such/page", can(["users.view"]))).toEqual({ href: "/dashboard", label: "nav.dashboard" });
  });
});
