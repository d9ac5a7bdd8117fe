/**
 * The cycle checker of `npm run lint` (docs/ARCHITECTURE.md §3.2): fails when the app's modules
 * import each other in a circle. A circle means one concern split across files, so neither can be
 * read, tested or moved alone. Type-only imports count: every circle the code has had closed
 * through an `import type`, which eslint-plugin-import-x's no-cycle always skips.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The folders whose modules must not import each other in a circle (tests are exempt). */
export const CHECKED_FOLDERS = ['main', 'renderer', 'server', 'shared', 'scripts'] as const;

const SOURCE = /\.tsx?$/;
const IGNORED_DIRS = new Set(['node_modules', 'dist', 'fonts']);

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return IGNORED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** What a relative specifier names, the way our bundlers and tsconfigs resolve it. */
function resolveRelative(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(from, '..', specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => known.has(c) && statSync(c).isFile());
}

/** Every checked module (path relative to root, `/`-separated) and the checked modules it imports. */
export function importGraph(root: string, folders: readonly string[] = CHECKED_FOLDERS): Map<string, string[]> {
  const files = folders.flatMap((folder) => sourceFiles(join(root, folder)));
  const known = new Set(files);
  const name = (file: string): string => relative(root, file).split('\\').join('/');
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => resolveRelative(file, fileName, known))
      .filter((target): target is string => target !== undefined)
      .map(name);
    graph.set(name(file), [...new Set(targets)].sort());
  }
  return graph;
}

/** Tarjan's strongly connected components: each component of two or more modules is a circle. */
function tangledComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest way from a component's first module back to itself, to name in the error. */
function shortestCircle(component: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** A set of modules that import each other, and one circle through them to show where to cut. */
export interface ImportCircle {
  modules: string[];
  circle: string[];
}

/** Every tangle of modules, each with its shortest circle (first and last module the same). */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): ImportCircle[] {
  return tangledComponents(graph).map((modules) => ({ modules, circle: shortestCircle(modules, graph) }));
}

if (import.meta.main) {
  const tangles = importCircles(importGraph(join(import.meta.dirname, '..')));
  for (const { modules, circle } of tangles) {
    process.stderr.write(`Import circle among ${modules.join(', ')}:\n  ${circle.join(' → ')}\n`);
  }
  if (tangles.length > 0) {
    process.stderr.write(`${tangles.length} import circle(s); docs/ARCHITECTURE.md §3.2 says how to cut one.\n`);
    process.exitCode = 1;
  }
}
