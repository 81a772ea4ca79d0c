// The unit, integration and end-to-end runs as one Jest run, sharing two workers: most integration
// and end-to-end files wait on processes, a broker or PostgreSQL, and unit files fill the gaps.
// `npm test` runs this, then the distributed run (docs/decisions.md, "Test run time"). The order of
// the files: jest.sequencer.js.
// maxWorkers and testTimeout are settings of the whole run, not of a project: the integration and
// end-to-end timeout (60 s) holds for every file here.
const projects = ['unit', 'int', 'e2e'].map((level) => {
  const { maxWorkers, testTimeout, ...project } = require(`./jest.${level}.config.js`);
  return project;
});

module.exports = {
  projects,
  testSequencer: '<rootDir>/jest.sequencer.js',
  maxWorkers: 2,
  testTimeout: 60000,
};
