// Ends the run with the plain line CI reads: "N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    // A suite that failed to load has no failed test of its own; count it so the line cannot say "0 failed".
    // stderr, where Jest writes its own summary, so this stays the last line.
    process.stderr.write(`${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
