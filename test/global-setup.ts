/**
 * vitest's globalSetup: the run stops at once, before any test, when the build is missing or older
 * than the sources (helpers/build-check.ts says why that hangs or misleads the tests). Building here
 * instead would cost every run a `tsc` (~18 s of CPU), which `npm test` already pays before vitest.
 */
import { fileURLToPath } from 'node:url';
import { buildProblem } from './helpers/build-check.js';

export function setup(): void {
  const problem = buildProblem(fileURLToPath(new URL('..', import.meta.url)));
  if (problem) throw new Error(`notecast tests: ${problem}`);
}
