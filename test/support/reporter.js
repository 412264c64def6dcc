'use strict';
// The spec reporter, plus one plain closing line "N passed, N failed" that CI tools read.
const { reporters, Runner } = require('mocha');

class SpecWithTotals extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`\n${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}\n`);
    });
  }
}

module.exports = SpecWithTotals;
