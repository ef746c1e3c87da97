import { describe, expect, it, vi } from "vitest";
import { oidcClaims, type ClaimsSource } from "./oidc-claims";

const source = (userinfoEndpoint: string | undefined, fromUserinfo: Record<string, unknown>) => {
  const userinfo = vi.fn(async () => fromUserinfo);
  const s: ClaimsSource = {
    tokens: { access_token: "at", claims: () => ({ sub: "ann", preferred_username: "ann", email: "signed@example.test" }) },
    client: { issuer: { metadata: { userinfo_endpoint: userinfoEndpoint } }, userinfo },
  };
  return { s, userinfo };
};

describe("OIDC claims", () => {
  it("take what only userinfo says, and keep the ID token's where both speak", async () => {
    const { s } = source("https://idp/userinfo", { sub: "ann", email: "other@example.test", groups: ["dev"], name: "Ann" });
    expect(await oidcClaims(s)).toEqual({ sub: "ann", preferred_username: "ann", email: "signed@example.test", groups: ["dev"], name: "Ann" });
  });

  it("are the ID token's alone when discovery names no userinfo endpoint", async () => {
    const { s, userinfo } = source(undefined, { groups: ["dev"] });
    expect(await oidcClaims(s)).not.toHaveProperty("groups");
    expect(userinfo).not.toHaveBeenCalled();
  });
});
