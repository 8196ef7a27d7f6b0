/**
 * A jest reporter (issue 28, "find where the time goes"): after the run, the 15 slowest test files
 * with their time, so that the suite's cost is visible in every CI log.
 */
class SlowestFiles {
  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((r) => ({ file: r.testFilePath.replace(`${process.cwd()}/`, ''), ms: r.perfStats.end - r.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15);
    if (!files.length) return;
    const lines = files.map((f) => `  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}`);
    process.stdout.write(`\nThe ${files.length} slowest test files:\n${lines.join('\n')}\n`);
  }
}
module.exports = SlowestFiles;
