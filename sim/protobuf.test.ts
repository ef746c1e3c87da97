import { describe, expect, it } from "vitest";
import { decodeProtobuf } from "./protobuf";

// Bodies kubectl 1.32 sent for `kubectl -n x create deployment d --image=nginx:1.27 --replicas=0 --port=8080`,
// `create secret generic s --from-literal=pw=secret` and `create quota q --hard=pods=2,limits.memory=1Gi`.
const DEPLOYMENT = "azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErcBChwKAWQSABoBeCIAKgAyADgAQgBaCAoDYXBwEgFkEogBCAASCgoICgNhcHASAWQacAoaCgASABoAIgAqADIAOABCAFoICgNhcHASAWQSUhI0CgVuZ2lueBIKbmdpbng6MS4yNyoAMgsKABAAGJA/IgAqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAAoADgAGgAiAA==";
const SECRET = "azhzAAoMCgJ2MRIGU2VjcmV0EioKEgoBcxIAGgF4IgAqADIAOABCABIMCgJwdxIGc2VjcmV0GgZPcGFxdWUaACIA";
const QUOTA = "azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRI9ChIKAXESABoBeCIAKgAyADgAQgASJQoWCg1saW1pdHMubWVtb3J5EgUKAzFHaQoLCgRwb2RzEgMKATIaABoAIgA=";
const decode = (b64: string) => decodeProtobuf(Buffer.from(b64, "base64"));

describe("decodeProtobuf", () => {
  it("decodes a Deployment into the JSON kubectl would have sent, keeping a pointer's zero (replicas: 0)", () => {
    expect(decode(DEPLOYMENT)).toEqual({
      apiVersion: "apps/v1", kind: "Deployment",
      metadata: { name: "d", namespace: "x", labels: { app: "d" } },
      spec: {
        replicas: 0, selector: { matchLabels: { app: "d" } }, strategy: {},
        template: { metadata: { labels: { app: "d" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 8080 }], resources: {} }] } },
      },
      status: {},
    });
  });

  it("decodes bytes maps as base64 and quantities as strings", () => {
    expect(decode(SECRET)).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "x" }, data: { pw: Buffer.from("secret").toString("base64") }, type: "Opaque" });
    expect(decode(QUOTA)).toEqual({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", namespace: "x" }, spec: { hard: { pods: "2", "limits.memory": "1Gi" } }, status: {} });
  });

  it("refuses a body without the k8s magic and a kind it does not know with 400", () => {
    expect(() => decodeProtobuf(Buffer.from("{}"))).toThrow(expect.objectContaining({ code: 400, message: expect.stringContaining("does not appear to be a protobuf message") }));
    const unknownKind = Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x0c, 0x0a, 0x02]), Buffer.from("v1"), Buffer.from([0x12, 0x06]), Buffer.from("Widget")]);
    expect(() => decodeProtobuf(unknownKind)).toThrow(expect.objectContaining({ code: 400, message: 'no kind "Widget" is registered for version "v1"' }));
  });
});
