import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, UndiciTransport } from '@vitamin/core';
import { generateClient, typeCheckGenerated, writeGenerated, type GeneratedFiles } from '../src/index.js';
import { EVIL, hostileSpec } from './support/hostile-spec.js';
import { workFolder } from './support/work-folder.js';

const globals = globalThis as { pwned?: unknown };

describe('a hostile spec', () => {
  let folder: Awaited<ReturnType<typeof workFolder>>;
  let files: GeneratedFiles;

  beforeAll(async () => {
    folder = await workFolder('hostile');
    const spec = join(folder.path, 'evil.json');
    await writeFile(spec, JSON.stringify(hostileSpec()));
    files = await generateClient({ spec, service: `svc ${EVIL}`, name: 'EvilClient' });
    await writeGenerated(folder.path, files);
  });
  afterAll(() => folder?.remove());

  it('gives files that type-check strictly', () => {
    expect(typeCheckGenerated(folder.path)).toEqual([]);
  });

  it('cannot change the structure of client.ts: imports, types, one class of one-line methods', () => {
    const file = ts.createSourceFile('client.ts', files['client.ts'], ts.ScriptTarget.Latest, true);
    const kinds = file.statements.map((s) => ts.SyntaxKind[s.kind]);
    expect(new Set(kinds)).toEqual(
      new Set(['ImportDeclaration', 'InterfaceDeclaration', 'TypeAliasDeclaration', 'ClassDeclaration']),
    );
    expect(kinds.filter((k) => k === 'ClassDeclaration')).toHaveLength(1);
    const imports = file.statements
      .filter(ts.isImportDeclaration)
      .map((i) => (i.moduleSpecifier as ts.StringLiteral).text);
    expect(imports).toEqual(['@vitamin/core', './types.js']);
    const cls = file.statements.find(ts.isClassDeclaration)!;
    const names: string[] = [];
    for (const member of cls.members) {
      expect(ts.isMethodDeclaration(member)).toBe(true);
      const method = member as ts.MethodDeclaration;
      names.push((method.name as ts.Identifier).text);
      const [only, ...rest] = method.body!.statements;
      expect(rest).toHaveLength(0);
      const call = (only as ts.ReturnStatement).expression as ts.CallExpression;
      expect(call.expression.getText(file)).toBe('this.call');
      expect(ts.isStringLiteral(call.arguments[0]!)).toBe(true);
    }
    expect(names).toEqual(expect.arrayContaining(['proto', 'constructor_', 'then_', 'class_', '_123Unicode', 'call_']));
    expect(names.every((n) => /^[A-Za-z_$][\w$]*$/.test(n))).toBe(true);
  });

  it('keeps every description inside its comment and the spec text only in string literals', () => {
    for (const name of ['client.ts', 'types.ts'] as const) {
      const file = ts.createSourceFile(name, files[name], ts.ScriptTarget.Latest, true);
      const strings: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) expect(node.text).toMatch(/^[A-Za-z_$][\w$]*$/);
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
        expect(ts.isTemplateExpression(node)).toBe(false);
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (name === 'client.ts') expect(strings).toContain(`svc ${EVIL}`);
      // The only statements of types.ts are type declarations: nothing that runs.
      if (name === 'types.ts') {
        for (const statement of file.statements) {
          expect(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)).toBe(true);
        }
      }
    }
  });

  it('does nothing on import, and its client is no thenable', async () => {
    delete globals.pwned;
    const module = (await import(join(folder.path, 'client.ts'))) as { EvilClient: new () => object };
    expect(globals.pwned).toBeUndefined();
    const client = new module.EvilClient();
    expect((client as { then?: unknown }).then).toBeUndefined();
    expect(Object.getPrototypeOf(client)).toBe(module.EvilClient.prototype);
    // The hostile service name survives as a string, and the runtime refuses it as a registry name.
    const transport = new UndiciTransport();
    expect(() => createClient(module.EvilClient as never, { baseUrl: 'http://127.0.0.1:9', transport })).toThrow(
      /EvilClient baseUrl: invalid instance record, field 'service'/,
    );
    await transport.close();
  });

  it('generates the same bytes every time', async () => {
    const again = await generateClient({
      spec: join(folder.path, 'evil.json'),
      service: `svc ${EVIL}`,
      name: 'EvilClient',
    });
    expect(again).toEqual(files);
    expect(await readFile(join(folder.path, 'client.ts'), 'utf8')).toBe(files['client.ts']);
  });
});
