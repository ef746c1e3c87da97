/** The caller's address and user agent, as far as the request tells. */
export function clientInfo(headers: Headers): { sourceIp: string | null; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    sourceIp: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
  };
}
