// The benchmarks' yardsticks (#18): a bare route handler and an empty page, compared with the console's own
// routes in the same build and server process. They are in every build but answer 404 unless the server runs
// with TENANTRY_BENCH=1, which only bench/*.bench.mts set.
export const benchEnabled = () => process.env.TENANTRY_BENCH === "1";
