import ts from 'typescript';
import type { OperationModel, Presence, ResponseModel } from '../spec/operations.js';
import { withDoc } from './doc-comment.js';
import { camelCase, nameFromRoute, NameScope, safeIdentifier, upperFirst } from './identifiers.js';
import { GENERATED_BANNER } from './types-file.js';

const f = ts.factory;
const EXPORT = [f.createToken(ts.SyntaxKind.ExportKeyword)];
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

interface EmittedTypes {
  readonly statements: ts.Statement[];
  readonly request: string | undefined;
  readonly requestOptional: boolean;
  readonly response: string;
  readonly errors: string | undefined;
}

function operationTypes(operation: OperationModel, base: string, where: string): EmittedTypes {
  const statements: ts.Statement[] = [];
  const opType = indexed(typeRef('paths'), operation.path, operation.method);
  const parts: [string, Presence, ts.TypeNode][] = [
    ['path', operation.pathParams, nonNullable(indexed(opType, 'parameters', 'path'))],
    ['query', operation.query, nonNullable(indexed(opType, 'parameters', 'query'))],
    ['header', operation.header, nonNullable(indexed(opType, 'parameters', 'header'))],
  ];
  if (operation.bodyMediaType !== undefined) {
    parts.push([
      'body',
      operation.body,
      indexed(nonNullable(indexed(opType, 'requestBody')), 'content', operation.bodyMediaType),
    ]);
  }
  const present = parts.filter(([, presence]) => presence !== 'none');
  let request: string | undefined;
  if (present.length > 0) {
    request = `${base}Request`;
    const members = present.map(([name, presence, type]) =>
      f.createPropertySignature(
        undefined,
        name,
        presence === 'required' ? undefined : f.createToken(ts.SyntaxKind.QuestionToken),
        type,
      ),
    );
    statements.push(
      withDoc(f.createInterfaceDeclaration(EXPORT, `${base}Request`, undefined, undefined, members), [
        `Request of {@link ${where}}.`,
      ]),
    );
  }
  const response = `${base}Response`;
  statements.push(
    withDoc(f.createTypeAliasDeclaration(EXPORT, response, undefined, successType(opType, operation.success)), [
      `Success body of {@link ${where}}.`,
    ]),
  );
  let errors: string | undefined;
  if (operation.errors.length > 0) {
    errors = `${base}Errors`;
    const members = operation.errors.map((r) =>
      f.createPropertySignature(
        undefined,
        f.createStringLiteral(r.status),
        undefined,
        bodyType(opType, r) ?? keyword(ts.SyntaxKind.UndefinedKeyword),
      ),
    );
    statements.push(
      withDoc(f.createInterfaceDeclaration(EXPORT, errors, undefined, undefined, members), [
        `Error bodies of {@link ${where}} by status, as the spec declares them.`,
      ]),
    );
    const union = f.createIndexedAccessTypeNode(
      typeRef(errors),
      f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, typeRef(errors)),
    );
    statements.push(
      withDoc(f.createTypeAliasDeclaration(EXPORT, `${base}Error`, undefined, typeRef('HttpError', [union])), [
        `What {@link ${where}} rejects with when the provider answers an error status.`,
      ]),
    );
  }
  return { statements, request, requestOptional: present.every(([, p]) => p !== 'required'), response, errors };
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

function successType(opType: ts.TypeNode, success: readonly ResponseModel[]): ts.TypeNode {
  if (success.length === 0) return keyword(ts.SyntaxKind.UnknownKeyword);
  const bodies = success.map((r) => bodyType(opType, r));
  const typed = bodies.filter((b): b is ts.TypeNode => b !== undefined);
  if (typed.length === 0) return keyword(ts.SyntaxKind.UndefinedKeyword);
  if (typed.length < bodies.length) typed.push(keyword(ts.SyntaxKind.UndefinedKeyword));
  return typed.length === 1 ? typed[0]! : f.createUnionTypeNode(typed);
}

/** The type of a response body: the spec's schema for JSON, `string` for other media (read as text). */
function bodyType(opType: ts.TypeNode, response: ResponseModel): ts.TypeNode | undefined {
  if (response.mediaType === undefined) return undefined;
  if (!response.isJson) return keyword(ts.SyntaxKind.StringKeyword);
  return indexed(opType, 'responses', response.status, 'content', response.mediaType);
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

function indexed(object: ts.TypeNode, ...keys: string[]): ts.TypeNode {
  return keys.reduce<ts.TypeNode>(
    (type, key) => f.createIndexedAccessTypeNode(type, f.createLiteralTypeNode(f.createStringLiteral(key))),
    object,
  );
}

function nonNullable(type: ts.TypeNode): ts.TypeNode {
  return typeRef('NonNullable', [type]);
}

function typeRef(name: string, args?: ts.TypeNode[]): ts.TypeReferenceNode {
  return f.createTypeReferenceNode(name, args);
}

function keyword(kind: ts.KeywordTypeSyntaxKind): ts.KeywordTypeNode {
  return f.createKeywordTypeNode(kind);
}

/** Prints the statements, one blank line between them: the same tree always gives the same bytes. */
function print(statements: readonly ts.Statement[]): string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const file = ts.createSourceFile('client.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return statements.map((statement) => printer.printNode(ts.EmitHint.Unspecified, statement, file)).join('\n\n') + '\n';
}
