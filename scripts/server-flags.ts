// Node's flags for the console's server process, wherever it starts: scripts/start.mts (the demo, the benches),
// `npm start` and the image's CMD (deploy/manifests.test.ts checks all three say the same); and for the benches that
// run the console's code in their own process (bench/run.mts).
// A young generation of up to 64 MB a semi-space (Node's default is 16): a list of 100 rows allocates about 1.5 MB,
// so with the default every tenth request met a collection and the page's p95 with it; one after another, warm, the
// workspaces page of 100 rows answered in 5.7-8.7 ms p95 with it against 9.9-14.4 ms without (docs/benchmarks.md).
// It costs memory: about 120 MB more resident under load.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
