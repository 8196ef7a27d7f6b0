/**
 * The order jest hands test files to its two workers (issue 28, the suite's time). Jest's own order
 * (files that failed last time, then the longest first) starts the two heaviest integration files
 * together: the browser test (chromium) and the tenant-isolation suite (a whole system and hundreds
 * of requests). On two cores each then ran ~2× slower than alone and the other files waited behind
 * them. Here the browser test still starts first, and the isolation suite goes last, so each of the
 * two shares the cores with lighter files. Everything else keeps jest's order.
 */
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['e2e/console.integration-spec.ts'];
const LAST = ['e2e/tenant-isolation.integration-spec.ts'];

const rank = (path) => {
  if (FIRST.some((f) => path.endsWith(f))) return -1;
  if (LAST.some((f) => path.endsWith(f))) return 1;
  return 0;
};

class SuiteSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    // a stable sort: jest's order holds within each rank
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SuiteSequencer;
