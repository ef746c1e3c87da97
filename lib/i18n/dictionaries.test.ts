import { describe, expect, it } from "vitest";
import { templates } from "../rbac/catalogue";
import { consoleEn } from "./console.en";
import { consoleZh } from "./console.zh";
import { en } from "./en";
import { zh } from "./zh";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Words that read the same in Chinese: Kubernetes terms, and messages that are placeholders only.
const SAME_IN_ZH = new Set(["CIDR", "Kubeconfig", "Kubernetes"]);
const words = (text: string) => /[A-Za-z]/.test(text.replace(/\{\w+\}/g, ""));

describe("the Chinese dictionaries", () => {
  it("have every English key and no other", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(consoleZh).sort()).toEqual(Object.keys(consoleEn).sort());
  });

  it("keep each message's placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });

  it("translate every message (none left in English)", () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter((key) => zh[key] === en[key] && words(en[key]) && !SAME_IN_ZH.has(en[key]));
    expect(untranslated).toEqual([]);
  });

  it("name every module of the permission catalogue", () => {
    for (const name of new Set(templates.map((t) => t.module))) expect(en, name).toHaveProperty([`module.${name}`]);
  });
});
