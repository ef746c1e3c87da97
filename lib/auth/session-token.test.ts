import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "./session-token";

const secret = "a-secret-of-the-length-next-auth-wants-0123";

describe("decodeSessionToken", () => {
  it("reads the claims of a cookie next-auth encoded", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ uid: "u1", sid: "s1" });
    // The key is cached per secret: a second secret derives its own.
    const other = "another-secret-of-the-length-next-auth-wants";
    expect(await decodeSessionToken(await encode({ token: { uid: "u2", sid: "s2" }, secret: other }), other)).toMatchObject({ uid: "u2" });
    expect(await decodeSessionToken(token, secret)).toMatchObject({ uid: "u1" });
  });

  it("refuses another secret's, a tampered and an expired cookie", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret });
    expect(await decodeSessionToken(token, `${secret}x`)).toBeNull();
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await decodeSessionToken(parts.join("."), secret)).toBeNull();
    expect(await decodeSessionToken(await encode({ token: { uid: "u1", sid: "s1" }, secret, maxAge: -60 }), secret)).toBeNull();
    expect(await decodeSessionToken("not-a-jwe", secret)).toBeNull();
  });
});
