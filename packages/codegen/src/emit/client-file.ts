import ts from 'typescript';
import type { OperationModel } from '../spec/operations.js';
import { withDoc } from './doc-comment.js';
import { camelCase, nameFromRoute, NameScope, safeIdentifier, upperFirst } from './identifiers.js';
import { operationTypes, typeRef, type EmittedTypes } from './operation-types.js';
import { GENERATED_BANNER } from './types-file.js';

const f = ts.factory;
const DECORATORS = { get: 'Get', post: 'Post', put: 'Put', patch: 'Patch', delete: 'Delete' } as const;
/** Names the generated file imports; generated types never take them. */
const IMPORTED = ['Delete', 'Get', 'Patch', 'Post', 'Provider', 'ProviderClient', 'Route', 'HttpError', 'paths'];

/** What {@link clientFile} needs besides the operations. */
export interface ClientFileOptions {
  /** The class name, already checked to be a plain identifier. */
  readonly className: string;
  /** The registry name of the provider. */
  readonly service: string;
  /** The API's title and description, for the class comment. */
  readonly title?: string;
  readonly description?: string;
}

/**
 * Builds `client.ts` as a TypeScript syntax tree and prints it: every name from the spec goes
 * through {@link safeIdentifier}, every string through a string literal node, every description
 * through {@link withDoc}, so nothing in a spec can change the code's structure.
 */
export function clientFile(operations: readonly OperationModel[], options: ClientFileOptions): string {
  const methods = new NameScope(['call', 'constructor']);
  const types = new NameScope([...IMPORTED, options.className]);
  const declarations: ts.Statement[] = [];
  const members: ts.ClassElement[] = [];
  for (const operation of operations) {
    const fromId = operation.operationId === undefined ? '' : camelCase(operation.operationId);
    const base = safeIdentifier(fromId, nameFromRoute(operation.method, operation.path));
    const method = methods.claim(safeIdentifier(base, 'operation'));
    const typeBase = types.claimWith(upperFirst(method), (n) => [
      `${n}Request`,
      `${n}Response`,
      `${n}Errors`,
      `${n}Error`,
    ]);
    const emitted = operationTypes(operation, typeBase, `${options.className}.${method}`);
    declarations.push(...emitted.statements);
    members.push(operationMethod(operation, method, emitted));
  }
  const provider = f.createDecorator(
    f.createCallExpression(f.createIdentifier('Provider'), undefined, [
      f.createObjectLiteralExpression([f.createPropertyAssignment('service', f.createStringLiteral(options.service))]),
    ]),
  );
  const heritage = f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [
    f.createExpressionWithTypeArguments(f.createIdentifier('ProviderClient'), undefined),
  ]);
  const clientClass = withDoc(
    f.createClassDeclaration(
      [provider, f.createToken(ts.SyntaxKind.ExportKeyword)],
      options.className,
      undefined,
      [heritage],
      members,
    ),
    [options.title === undefined ? undefined : `Provider client of ${options.title}.`, options.description],
    [`Calls the service registered as \`${options.service.replace(/`/g, "'")}\`.`],
  );
  const statements = [...imports(operations), ...declarations, clientClass];
  return GENERATED_BANNER + print(statements);
}
function operationMethod(operation: OperationModel, name: string, types: EmittedTypes): ts.MethodDeclaration {
  const routeOptions = f.createObjectLiteralExpression([
    ...(operation.operationId === undefined
      ? []
      : [f.createPropertyAssignment('key', f.createStringLiteral(operation.operationId))]),
    f.createPropertyAssignment('idempotent', operation.idempotent ? f.createTrue() : f.createFalse()),
  ]);
  const decoratorName = (DECORATORS as Record<string, string>)[operation.method];
  const decorator = f.createDecorator(
    decoratorName === undefined
      ? f.createCallExpression(f.createIdentifier('Route'), undefined, [
          f.createStringLiteral(operation.method.toUpperCase()),
          f.createStringLiteral(operation.path),
          routeOptions,
        ])
      : f.createCallExpression(f.createIdentifier(decoratorName), undefined, [
          f.createStringLiteral(operation.path),
          routeOptions,
        ]),
  );
  const parameters =
    types.request === undefined
      ? []
      : [
          f.createParameterDeclaration(
            undefined,
            undefined,
            'request',
            types.requestOptional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
            typeRef(types.request),
          ),
        ];
  const callArgs: ts.Expression[] = [f.createStringLiteral(name)];
  if (types.request !== undefined) callArgs.push(f.createIdentifier('request'));
  const body = f.createBlock(
    [
      f.createReturnStatement(
        f.createCallExpression(f.createPropertyAccessExpression(f.createThis(), 'call'), undefined, callArgs),
      ),
    ],
    true,
  );
  const method = f.createMethodDeclaration(
    [decorator],
    undefined,
    name,
    undefined,
    undefined,
    parameters,
    typeRef('Promise', [typeRef(types.response)]),
    body,
  );
  const tags = [
    ...(operation.deprecated ? ['@deprecated'] : []),
    ...(types.errors === undefined
      ? []
      : [`@throws {@link ${types.errors.replace(/s$/, '')}} when the provider answers an error status`]),
  ];
  return withDoc(method, [operation.summary, operation.description], tags);
}
function imports(operations: readonly OperationModel[]): ts.Statement[] {
  const used = new Set(['Provider', 'ProviderClient']);
  for (const op of operations) used.add((DECORATORS as Record<string, string>)[op.method] ?? 'Route');
  const values = [...used].sort();
  const specifiers = values.map((name) => f.createImportSpecifier(false, undefined, f.createIdentifier(name)));
  if (operations.some((op) => op.errors.length > 0)) {
    specifiers.push(f.createImportSpecifier(true, undefined, f.createIdentifier('HttpError')));
  }
  return [
    f.createImportDeclaration(
      undefined,
      f.createImportClause(false, undefined, f.createNamedImports(specifiers)),
      f.createStringLiteral('@vitamin/core'),
    ),
    f.createImportDeclaration(
      undefined,
      f.createImportClause(
        true,
        undefined,
        f.createNamedImports([f.createImportSpecifier(false, undefined, f.createIdentifier('paths'))]),
      ),
      f.createStringLiteral('./types.js'),
    ),
  ];
}
/** Prints the statements, one blank line between them: the same tree always gives the same bytes. */
function print(statements: readonly ts.Statement[]): string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const file = ts.createSourceFile('client.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return statements.map((statement) => printer.printNode(ts.EmitHint.Unspecified, statement, file)).join('\n\n') + '\n';
}
