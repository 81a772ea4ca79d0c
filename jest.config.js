// The unit, integration and end-to-end runs as one Jest run, sharing three workers on two cores:
// most integration and end-to-end files wait on processes, a broker or PostgreSQL part of the time,
// and a third file fills the gaps (two workers left the cores idle 15 % of the run).
// `npm test` runs this, then the distributed run (docs/decisions.md, "Test run time"). The order of
// the files: jest.sequencer.js.
// `npm run test:unit-int-e2e` runs Jest under `node --liftoff-only`: PGlite's WebAssembly in the
// workers is compiled by V8's baseline compiler only, without tiering hot functions up, which a test
// file's short-lived stores never pay back (docs/decisions.md, "Test run time").
// maxWorkers and testTimeout are settings of the whole run, not of a project: the integration and
// end-to-end timeout (60 s) holds for every file here.
const projects = ['unit', 'int', 'e2e'].map((level) => {
  const { maxWorkers, testTimeout, ...project } = require(`./jest.${level}.config.js`);
  return project;
});

module.exports = {
  projects,
  testSequencer: '<rootDir>/jest.sequencer.js',
  maxWorkers: 3,
  testTimeout: 60000,
};
