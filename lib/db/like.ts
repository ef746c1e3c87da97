// Prisma's `contains` hands its value to PostgreSQL's LIKE as it is: a `%` or `_` typed into a search box
// would match everything. Escaped here (backslash is LIKE's default escape), they match themselves.
export const containsText = (q: string, mode?: "insensitive") => ({ contains: q.replace(/[\\%_]/g, "\\$&"), ...(mode ? { mode } : {}) });
