// Mocha's spec reporter, plus a line for every retry: the e2e suite drives a real browser on a
// loaded 2-core machine, so a step may be tried twice; the first failure is printed, never hidden.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha loads a reporter path with require()
const Mocha = require('mocha');

const { EVENT_TEST_RETRY } = Mocha.Runner.constants;

class SpecWithRetries extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.on(EVENT_TEST_RETRY, (test, error) => {
      const message = String(error?.message ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n        ');
      console.log(`    ↻ retrying "${test.fullTitle()}" after: ${message}`);
    });
  }
}

module.exports = SpecWithRetries;
