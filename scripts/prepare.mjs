// `npm ci` runs this: it compiles TypeScript when the dev dependencies are installed, and does
// nothing in a production install (`npm ci --omit=dev`), which ships an already built dist/.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.log('notecast: no TypeScript here (production install); using the built dist/');
  process.exit(0);
}
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
