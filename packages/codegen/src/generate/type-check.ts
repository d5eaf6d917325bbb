import { join } from 'node:path';
import ts from 'typescript';

/** Compiler options the generated code must pass with: strict, plus the decorators vitamin uses. */
export const GENERATED_CODE_COMPILER_OPTIONS: Readonly<ts.CompilerOptions> = Object.freeze({
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  experimentalDecorators: true,
  skipLibCheck: true,
  types: ['node'],
});

/**
 * Type-checks the generated `types.ts` and `client.ts` in each folder, with `extraFiles` (code using
 * the clients), as `tsc --strict --noEmit` does, in one program; returns the diagnostics as readable
 * lines, none when everything compiles. Folders must sit where `@vitamin/core` resolves (inside a
 * project that depends on it).
 */
export function typeCheckGenerated(folder: string | readonly string[], extraFiles: readonly string[] = []): string[] {
  const folders = typeof folder === 'string' ? [folder] : folder;
  const program = ts.createProgram({
    rootNames: [...folders.flatMap((f) => [join(f, 'types.ts'), join(f, 'client.ts')]), ...extraFiles],
    options: { ...GENERATED_CODE_COMPILER_OPTIONS },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${message}`;
  });
}
