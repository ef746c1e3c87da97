import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectCreate } from "../schemas/project";
import { localizeFieldMessage, zodParseParams } from "./field-issues";
import { requestLocale } from "./index";

const zhText = /[\u4e00-\u9fff]/;

describe("localizeFieldMessage", () => {
  it("keeps English for English callers", () => {
    expect(localizeFieldMessage("Required.", "en")).toBe("Required.");
  });

  it("re-words known messages for Chinese callers, keeping their values", () => {
    expect(localizeFieldMessage("At most 63 characters.", "zh")).toBe("最多 63 个字符。");
    expect(localizeFieldMessage('No user named "bob".', "zh")).toBe("没有名为“bob”的用户。");
    expect(localizeFieldMessage('Workspace "demo" is not authorised on cluster "member".', "zh")).toBe("企业空间“demo”未获准使用集群“member”。");
    expect(localizeFieldMessage("Could not connect: connect ECONNREFUSED\n127.0.0.1:6443", "zh")).toBe("无法连接：connect ECONNREFUSED\n127.0.0.1:6443");
  });

  it("leaves a message it does not know as it is", () => {
    expect(localizeFieldMessage("Something new.", "zh")).toBe("Something new.");
  });

  it("knows every message the schemas write", () => {
    const dir = join(__dirname, "../schemas");
    const messages = readdirSync(dir).flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/"([^"\n]*[A-Za-z][^"\n]*\.)"/g)].map((m) => m[1]));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !zhText.test(localizeFieldMessage(m, "zh")))).toEqual([]);
  });

  it("with zod's Chinese messages, a schema's issues all read in Chinese", () => {
    const result = projectCreate.safeParse({ name: "Bad_Name", cluster: 7 }, zodParseParams("zh"));
    const messages = result.error!.issues.map((i) => localizeFieldMessage(i.message, "zh"));
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(zhText);
  });
});

describe("requestLocale", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("is English for a script that says nothing", () => expect(requestLocale(headers({}))).toBe("en"));
  it("follows Accept-Language", () => expect(requestLocale(headers({ "accept-language": "zh-CN,zh;q=0.9" }))).toBe("zh"));
  it("prefers the console's remembered language", () =>
    expect(requestLocale(headers({ "accept-language": "zh-CN", cookie: "a=1; tenantry-locale=en" }))).toBe("en"));
});
