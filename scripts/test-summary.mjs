// Prints one closing line over both runners (vitest + Playwright) from their JSON reports:
// "tests: N passed, N failed[, N skipped][, N flaky]" (flaky: failed once, passed on Playwright's retry).
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
let flaky = 0;

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = read('test-results/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  flaky = playwright.stats.flaky;
}
console.log(
  `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${flaky ? `, ${flaky} flaky (passed on retry)` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
