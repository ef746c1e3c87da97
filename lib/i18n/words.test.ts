import { describe, expect, it } from "vitest";
import { builtinRoles } from "../rbac/catalogue";
import { translatorFor } from "./index";
import { en } from "./en";
import { zh } from "./zh";
import { roleDescription, roleLabel, word, WORDS } from "./words";

const hasLetters = (text: string) => /[A-Za-z]/.test(text);

describe("the enum words", () => {
  it("have an English and a Chinese label for every word", () => {
    for (const [kind, words] of Object.entries(WORDS)) {
      for (const [value, key] of Object.entries(words)) {
        expect(en[key], `${kind}.${value}`).toBeTruthy();
        expect(zh[key], `${kind}.${value}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("cover the pod-security levels, provider kinds, pod phases and the console's statuses", () => {
    expect(Object.keys(WORDS.podSecurity).sort()).toEqual(["baseline", "privileged", "restricted"]);
    expect(Object.keys(WORDS.providerKind).sort()).toEqual(["ldap", "oidc"]);
    expect(Object.keys(WORDS.phase)).toEqual(expect.arrayContaining(["Running", "Pending", "Succeeded", "Failed", "Terminating"]));
    expect(Object.keys(WORDS.status)).toEqual(expect.arrayContaining(["ready", "pending", "error", "terminating", "active", "disabled", "success", "denied", "failure"]));
  });

  it("say a word in the given language and keep a value they do not know", () => {
    const zhT = translatorFor("zh");
    expect(word(zhT, "phase", "Running")).toBe("运行中");
    expect(word(translatorFor("en"), "phase", "Running")).toBe("Running");
    expect(word(zhT, "podSecurity", "restricted")).toBe("受限（restricted）");
    expect(word(zhT, "status", "terminating")).toBe(zh["status.terminating"]);
    expect(word(zhT, "phase", "CrashLoopBackOff")).toBe("CrashLoopBackOff");
  });

  it("name and describe every built-in role, at each of the three levels, in both languages", () => {
    expect(new Set(builtinRoles.map((r) => r.level))).toEqual(new Set(["platform", "workspace", "project"]));
    for (const r of builtinRoles) {
      const id = `${r.level}/${r.name}`;
      expect(r.displayName.zh, id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description.zh, id).toMatch(/[\u4e00-\u9fff]/);
      expect(hasLetters(r.description.en), id).toBe(true);
      expect(roleLabel(r.level, r.name, "zh")).toBe(r.displayName.zh);
      // English keeps the role's name: the word the API, YAML and kubectl use.
      expect(roleLabel(r.level, r.name, "en")).toBe(r.name);
      expect(roleDescription(r.level, r.name, "zh")).toBe(r.description.zh);
    }
    // The same name is a different role at another level; a custom role keeps its name.
    expect(roleLabel("workspace", "admin", "zh")).not.toBe(roleLabel("project", "admin", "zh"));
    expect(roleLabel("project", "deployer", "zh")).toBe("deployer");
    expect(roleDescription("project", "deployer", "zh")).toBeUndefined();
  });
});
