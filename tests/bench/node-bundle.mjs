// How the benchmarks' TypeScript is bundled for Node (run.mjs, compare.mjs): one ES module, as the CLI is built.
export const NODE_BUNDLE = { bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' };
