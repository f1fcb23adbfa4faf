import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './processes';

/**
 * A bench's hand-written side (baseline server, raw worker) as plain CommonJS under
 * bench/results/.build, so the measured process runs no ts-node hooks. Returns its path.
 */
export function transpileToCjs(source: string): string {
  const output = ts.transpileModule(readFileSync(source, 'utf8'), {
    fileName: source,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      esModuleInterop: true,
    },
  });
  const target = path.join(ROOT, 'bench/results/.build', `${path.basename(source, '.ts')}.cjs`);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, output.outputText);
  return target;
}
