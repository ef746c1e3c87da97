// Node's flags for the console's server process, wherever it starts: scripts/start.mts (the demo, the benches),
// `npm start` and the image's CMD (deploy/manifests.test.ts checks all three say the same); and for the benches that
// run the console's code in their own process (bench/run.mts).
// A young generation of up to 64 MB a semi-space (Node's default is 16): a request allocates hundreds of kB (377 kB
// for a page of 10 projects), so with the default a collection came every few dozen requests and into the lists' p95;
// one after another, warm, the workspaces page of 100 rows answered in 5.7-8.7 ms p95 with it against 9.9-14.4 ms
// without (docs/benchmarks.md, "Access control and lists").
// It costs memory: about 120 MB more resident under load.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
