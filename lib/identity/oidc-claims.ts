// An OIDC sign-in's claims: the ID token's, completed by the userinfo endpoint's when discovery names one,
// since some providers send groups, email or name only from there. openid-client refuses a userinfo
// answer about another subject than the ID token's.
type Claims = Record<string, unknown>;
interface Tokens {
  access_token?: string;
  claims(): Claims;
}

/** What next-auth hands a userinfo request: openid-client's token set and client. */
export interface ClaimsSource {
  tokens: Tokens;
  client: { issuer: { metadata: { userinfo_endpoint?: string } }; userinfo(tokens: Tokens): Promise<Claims> };
}

/** What the ID token says wins; userinfo fills in the claims it lacks. */
export async function oidcClaims({ tokens, client }: ClaimsSource): Promise<Claims> {
  const fromIdToken = tokens.claims();
  if (!client.issuer.metadata.userinfo_endpoint || !tokens.access_token) return fromIdToken;
  return { ...(await client.userinfo(tokens)), ...fromIdToken };
}
