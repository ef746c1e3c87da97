import { describe, expect, it } from "vitest";
import { translatorFor } from "./index";
import { clusterSentence } from "./kube-errors";

const en = translatorFor("en");
const zh = translatorFor("zh");

describe("a cluster's error as a sentence", () => {
  it("says what the cluster did, from the code, around its words", () => {
    const reason = 'pods is forbidden: User "tenantry:bob" cannot list resource "pods"';
    expect(clusterSentence(en, reason, "forbidden")).toBe(`The cluster refused: ${reason}`);
    expect(clusterSentence(zh, reason, "cluster_forbidden")).toBe(`集群拒绝了请求：${reason}`);
    expect(clusterSentence(zh, "x", "unreachable")).toBe("集群没有响应：x");
    expect(clusterSentence(en, "x", "invalid")).toBe("The cluster answered with an error: x");
  });

  it("uses the place's own sentence when it has one, and a plain lead without a code", () => {
    expect(clusterSentence(zh, "x", "forbidden", "quota.usageUnavailable")).toBe("用量不可用：x");
    expect(clusterSentence(zh, "x")).toBe("集群返回：x");
  });
});
