import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { refusal } from "./can";

const en = translatorFor("en");

describe("refusal: which role a disabled control names", () => {
  it("a workspace viewer on a project's network page: the workspace role, as it is the only one held", () => {
    expect(refusal(en, "project-network.manage", { workspace: "demo", project: "demo-web" }, { platform: "platform-regular", workspace: "viewer" })).toBe(
      "Your role viewer in workspace demo does not grant project-network.manage",
    );
  });

  it("a project operator: the project role for a project permission, the workspace role for a workspace one", () => {
    const roles = { platform: "platform-regular", workspace: "regular", project: "operator" };
    const scope = { workspace: "demo", project: "demo-web" };
    expect(refusal(en, "project-members.manage", scope, roles)).toBe("Your role operator in project demo-web does not grant project-members.manage");
    expect(refusal(en, "projects.manage", scope, roles)).toBe("Your role regular in workspace demo does not grant projects.manage");
  });

  it("platform permissions, and scopes the caller is no member of, name the platform role", () => {
    expect(refusal(en, "clusters.manage", {}, { platform: "platform-self-provisioner" })).toBe("Your platform role platform-self-provisioner does not grant clusters.manage");
    expect(refusal(en, "workspace-network.manage", { workspace: "other" }, { platform: "auditor" })).toBe("Your platform role auditor does not grant workspace-network.manage");
  });

  it("says it in Chinese too", () => {
    expect(refusal(translatorFor("zh"), "project-network.manage", { workspace: "demo", project: "p" }, { platform: "platform-regular", workspace: "viewer" })).toBe(
      "您在企业空间 demo 中的角色 viewer 未授予 project-network.manage",
    );
  });
});
