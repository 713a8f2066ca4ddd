/**
 * Lint: typescript-eslint's recommended rules, and the pipeline's layers enforced. Each stage may
 * use the stages below it, never one above (a zone lists what its folder must not import), and no
 * module imports itself back through others (import-x/no-cycle). Run by `npm run lint`, in CI.
 */
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The layers, lowest first; a folder may import only from folders listed before it (and util). */
const LAYERS = ['util', 'config', 'notes', 'summary', 'render', 'store', 'search', 'watch', 'publish', 'commands', 'adapters', 'health', 'cli'];
const below = (i) => new Set(['util', ...LAYERS.slice(0, i)]);
// Exceptions on purpose: config validates notes' own settings (languages, site URLs), and
// store/types.ts is the shared vocabulary of records (NoteInfo, Target, payloads): types only.
const ALLOWED = new Set(['config→notes']);
const zones = LAYERS.flatMap((layer, i) => {
  const allowed = below(i);
  return LAYERS.filter((l, j) => j !== i && !allowed.has(l) && !ALLOWED.has(`${layer}→${l}`)).map((l) => ({
    target: `./src/${layer}`,
    from: `./src/${l}`,
    ...(l === 'store' ? { except: ['./types.ts'] } : {}),
    message: `the ${layer} stage must not depend on ${l}, a later stage`,
  }));
});

// The root files: errors.ts (typed errors) and log.ts (the logger) sit below every layer, like util,
// and import none; app.ts wires the service together: only the command line (cli) imports it.
for (const root of ['errors.ts', 'log.ts']) {
  zones.push({ target: `./src/${root}`, from: LAYERS.map((l) => `./src/${l}`), message: `${root} sits below every layer: it imports none of them` });
}
zones.push(
  { target: './src/app.ts', from: './src/cli', message: 'app.ts wires the service; the command line imports it, not the other way' },
  ...LAYERS.filter((l) => l !== 'cli').map((l) => ({ target: `./src/${l}`, from: './src/app.ts', message: `the ${l} stage must not depend on app.ts, which wires every stage` })),
);

/**
 * Size ratchet: files up to 400 lines, functions up to 80. The files and functions past them when
 * the ratchet was set are listed at their size then (a file's function cap is its longest
 * function's length): they may shrink, never grow. Lower a number when its file shrinks; never raise one.
 */
const MAX_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const SIZE_BASELINE = {
  'src/notes/jekyll.ts': { 'max-lines-per-function': 140 }, // renderJekyllSource
};
const sizeRules = (caps = {}) => ({
  'max-lines': ['error', { max: caps['max-lines'] ?? MAX_LINES }],
  'max-lines-per-function': ['error', { max: caps['max-lines-per-function'] ?? MAX_FUNCTION_LINES }],
});

// Adapters translate platform events in and replies out: they reach notes and lookups only through
// the commands, and the store only through their narrow port (publish/port.ts AdapterState).
zones.push(
  { target: './src/adapters', from: './src/store', except: ['./types.ts'], message: 'adapters reach the store through AdapterState (publish/port.ts), not directly' },
  { target: './src/adapters', from: './src/search', message: 'adapters look notes up through src/commands (lookup.ts), not the index' },
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.scratch/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommended, importX.flatConfigs.typescript],
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': 'error',
      // Assigned once, late, but read by a closure made before (app.ts's health deps).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      ...sizeRules(),
    },
  },
  ...Object.entries(SIZE_BASELINE).map(([file, caps]) => ({ files: [file], rules: sizeRules(caps) })),
);
