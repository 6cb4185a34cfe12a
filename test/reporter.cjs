// The spec reporter, plus a closing line "N passed, N failed" that CI reads in any language.
'use strict';
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`\n${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : '') + '\n');
    });
  }
}

module.exports = SpecWithSummary;
