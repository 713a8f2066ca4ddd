/**
 * Two checks on src/ that ESLint's import rules do not make, by the TypeScript compiler's own
 * reading of the code (run by `npm run lint`):
 * - no import cycle, type-only imports included (import-x/no-cycle skips `import type`);
 * - no dead export: each exported value (function, class, constant) of a module in src/ is imported
 *   somewhere (src/, bench/ or test/), else no one asked for it: drop it, or its `export` if the
 *   module uses it. Exported types are left alone: they name public signatures' parts.
 * Prints each problem as `file: message` and exits 1 if there is any.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) throw new Error('tsconfig.json could not be read');
const testFiles = ts.sys.readDirectory(path.join(root, 'test'), ['.ts'], undefined, ['**/*.ts']);
const program = ts.createProgram({ rootNames: [...config.fileNames, ...testFiles], options: { ...config.options, noEmit: true } });
const checker = program.getTypeChecker();
const rel = (f) => path.relative(root, f).split(path.sep).join('/');
const isSrc = (f) => rel(f).startsWith('src/');
const ours = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !rel(sf.fileName).startsWith('node_modules/') && !rel(sf.fileName).startsWith('..'));

/** Module specifiers of a file's imports and re-exports, with the declaration. */
function moduleRefs(sf) {
  const refs = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) refs.push({ spec: node.moduleSpecifier.text, node });
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) refs.push({ spec: node.argument.literal.text, node });
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) refs.push({ spec: node.arguments[0].text, node });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

function resolve(spec, from) {
  const r = ts.resolveModuleName(spec, from, program.getCompilerOptions(), ts.sys).resolvedModule;
  return r && !r.isExternalLibraryImport ? path.resolve(r.resolvedFileName) : undefined;
}

const problems = [];

// ── cycles, type imports included (Tarjan's strongly connected components over src/) ──
const graph = new Map();
for (const sf of ours.filter((s) => isSrc(s.fileName))) {
  const to = new Set();
  for (const { spec } of moduleRefs(sf)) {
    const target = resolve(spec, sf.fileName);
    if (target && isSrc(target)) to.add(target);
  }
  graph.set(path.resolve(sf.fileName), to);
}
let index = 0;
const stack = [];
const meta = new Map();
function strongConnect(v) {
  meta.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!meta.has(w)) {
      strongConnect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) problems.push(`${rel(v)}: import cycle (type imports included): ${component.map(rel).sort().join(' ↔ ')}`);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) strongConnect(v);

// ── dead exports ──
const used = new Set(); // export symbols some other file imports
const wholeModules = new Set(); // modules imported whole (`import * as`, `export *`, `import()`)
const target = (sym) => (sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
for (const sf of ours) {
  for (const { spec, node } of moduleRefs(sf)) {
    const file = resolve(spec, sf.fileName);
    if (!file) continue;
    const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
    if (ts.isImportDeclaration(node) && clause) {
      if (clause.name) used.add(target(checker.getSymbolAtLocation(clause.name)));
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) wholeModules.add(file);
      else if (bindings) for (const el of bindings.elements) used.add(target(checker.getSymbolAtLocation(el.name)));
    } else if (ts.isExportDeclaration(node)) {
      if (!node.exportClause || ts.isNamespaceExport(node.exportClause)) wholeModules.add(file);
      else for (const el of node.exportClause.elements) used.add(target(checker.getSymbolAtLocation(el.propertyName ?? el.name)));
    } else if (!ts.isImportDeclaration(node)) {
      wholeModules.add(file); // import('…') or import('…').Type: read as a whole
    }
  }
}
for (const sf of ours.filter((s) => isSrc(s.fileName))) {
  const file = path.resolve(sf.fileName);
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol || wholeModules.has(file)) continue;
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const sym = target(exp);
    // A re-export (`export { x } from`, `export type { T } from`) is the original's: counted there.
    const declaredHere = sym.declarations?.some((d) => path.resolve(d.getSourceFile().fileName) === file);
    // Values only: an exported type that names a public signature's parameter documents it, used or not.
    const isValue = (sym.flags & ts.SymbolFlags.Value) !== 0;
    if (!declaredHere || !isValue || used.has(sym) || used.has(exp)) continue;
    problems.push(`${rel(file)}: export '${exp.name}' is imported nowhere (src, bench, test)`);
  }
}

for (const p of problems.sort()) console.error(p);
if (problems.length) {
  console.error(`check-modules: ${problems.length} problem(s)`);
  process.exitCode = 1;
}
