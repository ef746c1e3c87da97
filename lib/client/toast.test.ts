import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { roleLabel, word } from "@/lib/i18n/words";
import { toastMessage, toastVars } from "./toast";

const zh = translatorFor("zh");
const sayZh = { word: (kind: Parameters<typeof word>[1], value: string) => word(zh, kind, value), role: (level: Parameters<typeof roleLabel>[0], name: string) => roleLabel(level, name, "zh") };

describe("a toast's words", () => {
  it("are said in the reader's language; other vars stay as they are", () => {
    const level = toastMessage("toast.podSecuritySaved", { name: "web", level: "baseline" }, { level: { kind: "podSecurity" } });
    expect(zh(level.key, toastVars(level, sayZh))).toBe(zh("toast.podSecuritySaved", { name: "web", level: "基线（baseline）" }));
    const role = toastMessage("toast.roleChanged", { name: "bob", role: "operator" }, { role: { role: "project" } });
    expect(toastVars(role, sayZh)).toEqual({ name: "bob", role: "项目维护者" });
    const plain = toastMessage("toast.roleCreated", { name: "deployer" });
    expect(toastVars(plain, sayZh)).toEqual({ name: "deployer" });
  });
});
