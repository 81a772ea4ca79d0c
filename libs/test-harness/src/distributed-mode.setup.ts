// Set in every test worker of jest.distributed.config.js: the end-to-end helpers start the
// distributed processes instead of the embedded composition.
process.env.E2E_MODE = 'distributed';
