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
    },
  },
);
