// A small seeded random generator, so generated tickets (benchmarks, tune histories) are the same on every run: the
// preview's own (preview/history/generate.ts, which makes its generated past with it).
export { seeded } from '../../preview/history/generate.ts';
