// The order of the combined unit, integration and end-to-end run (jest.config.js) on its two
// workers: first the files whose first comment block says `@long-running` (they start brokers or
// processes of their own and take half a minute to two minutes), then the other integration and
// end-to-end files, then the unit files, which are quick and fill the last gaps. A long file
// started last keeps one worker busy alone at the end: on a fresh clone Jest knows no durations
// and orders by file size, and the longest file of the run was among the smallest.
// Within each part, Jest's own order (slowest first when it knows, else largest first).
const { readFileSync } = require('node:fs');
const { extract, parseWithComments } = require('jest-docblock');
const Sequencer = require('@jest/test-sequencer').default;

const longRunning = (test) => 'long-running' in parseWithComments(extract(readFileSync(test.path, 'utf8'))).pragmas;
const isUnit = (test) => test.path.endsWith('.unit.spec.ts');

module.exports = class CombinedSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const long = sorted.filter(longRunning);
    const rest = sorted.filter((test) => !long.includes(test));
    return [...long, ...rest.filter((test) => !isUnit(test)), ...rest.filter(isUnit)];
  }
};
