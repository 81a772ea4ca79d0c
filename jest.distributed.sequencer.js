// The distributed run's order: the specs that start processes of their own and measure them under
// load or faults (*.distributed.spec.ts) first, then the end-to-end suites, whose shared stacks stay
// up until the end of the run (libs/test-harness/src/process/shared-stacks.ts). Idle stacks still
// poll their databases and the broker, and beside five of them a rolling restart's requests to
// accounts timed out once. Within each part, Jest's own order (slowest or largest first).
const Sequencer = require('@jest/test-sequencer').default;

const startsItsOwn = (test) => test.path.endsWith('.distributed.spec.ts');

module.exports = class DistributedSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter(startsItsOwn), ...sorted.filter((test) => !startsItsOwn(test))];
  }
};
