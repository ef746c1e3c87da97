// Where benchmarks build the production console: beside the tree's own .next, so a bench never replaces the build
// the tests or the demo use (next.config.ts gives such side builds a tsconfig Next does not rewrite).
export const benchDistDir = () => process.env.TENANTRY_NEXT_DIST_DIR || ".next-bench";
