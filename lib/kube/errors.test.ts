import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { localizeServerMessage } from "../i18n/server-messages";
import { kubeProblem } from "./errors";

/** An error as client-node 1.4 throws it: the Status as the response text. */
const status = (code: number, reason: string, message: string, details?: Record<string, unknown>) =>
  new ApiException(code, "Unknown API Status Code!", JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", message, reason, details, code }), {});

// Status bodies as kube-apiserver v1.36 answers them.
const forbiddenList = status(403, "Forbidden", 'deployments.apps is forbidden: User "tenantry:admin" cannot list resource "deployments" in API group "apps" in the namespace "web"', {
  group: "apps",
  kind: "deployments",
});
const quota = status(403, "Forbidden", 'pods "p" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2', { name: "p", kind: "pods" });

describe("kubeProblem", () => {
  it("says an RBAC refusal as a sentence naming who and what, the Status kept aside", () => {
    const p = kubeProblem(forbiddenList);
    expect(p).toMatchObject({ code: "forbidden", status: 403, message: "The cluster's RBAC does not let tenantry:admin access deployments.apps here." });
    expect(p.message).not.toMatch(/forbidden|403/);
    expect(p.raw).toBe('403: deployments.apps is forbidden: User "tenantry:admin" cannot list resource "deployments" in API group "apps" in the namespace "web"');
  });

  it("tells admission refusals from RBAC ones", () => {
    expect(kubeProblem(quota)).toMatchObject({ code: "forbidden", message: "The cluster's admission control refused this (a quota, a policy or the namespace's state)." });
  });

  it.each([
    [status(401, "Unauthorized", "Unauthorized"), "unauthorized", "The cluster did not accept Tenantry's credentials; a platform admin can replace them on the cluster page."],
    [status(404, "NotFound", 'namespaces "web" not found', { name: "web", kind: "namespaces" }), "not_found", 'The cluster has no namespaces named "web".'],
    [status(404, "NotFound", "the server could not find the requested resource"), "not_found", "The cluster does not have what was asked for."],
    [status(409, "AlreadyExists", 'configmaps "a" already exists', { name: "a", kind: "configmaps" }), "already_exists", 'The cluster already has configmaps "a".'],
    [status(409, "Conflict", "the object has been modified; please apply your changes to the latest version and try again"), "conflict", "The object changed on the cluster meanwhile; try again."],
    [status(422, "Invalid", 'Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1'), "invalid", "The cluster found the object invalid."],
    [status(429, "TooManyRequests", "too many requests"), "too_many_requests", "The cluster is busy (too many requests); try again shortly."],
    [status(504, "Timeout", "Timeout: request did not complete within requested timeout"), "timeout", "The cluster did not answer in time."],
    [status(503, "ServiceUnavailable", "the server is currently unable to handle the request"), "unavailable", "The cluster is temporarily unable to answer."],
    [status(500, "InternalError", "Internal error occurred: etcdserver: leader changed"), "internal", "The cluster had an internal error."],
    [new Error("the cluster did not answer within 2000 ms"), "timeout", "The cluster did not answer in time."],
    [Object.assign(new Error("request to https://127.0.0.1:1/api failed, reason: connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "unreachable", "The cluster could not be reached."],
    [Object.assign(new Error("request failed, reason: self-signed certificate in certificate chain"), { code: "SELF_SIGNED_CERT_IN_CHAIN" }), "untrusted", "The cluster's certificate is not one its kubeconfig trusts."],
    [new Error("something else"), "failed", "The cluster could not answer this request."],
  ])("%#: says %s", (err, code, message) => {
    expect(kubeProblem(err)).toMatchObject({ code, message });
  });

  it("every sentence reads in Chinese for a Chinese caller", () => {
    const errors = [forbiddenList, quota, status(401, "Unauthorized", "x"), status(404, "NotFound", "x", { name: "a", kind: "pods" }), status(409, "Conflict", "x"), status(503, "x", "x"), new Error("x")];
    for (const err of errors) expect(localizeServerMessage(kubeProblem(err).message, "zh")).toMatch(/[\u4e00-\u9fff]/);
    expect(localizeServerMessage(kubeProblem(forbiddenList).message, "zh")).toBe("集群的 RBAC 不允许 tenantry:admin 在此访问 deployments.apps。");
  });
});
