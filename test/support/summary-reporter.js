// Ends the run with the plain line CI reads: "N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    // A suite that failed to load has no failed test of its own; count it so the line cannot say "0 failed".
    const line = `${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests} skipped\n`;
    // Jest prints its own summary after the reporters; on exit, this line comes last.
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
