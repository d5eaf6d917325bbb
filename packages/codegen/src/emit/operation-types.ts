import ts from 'typescript';
import type { OperationModel, Presence, ResponseModel } from '../spec/operations.js';
import { withDoc } from './doc-comment.js';

const f = ts.factory;
const EXPORT = [f.createToken(ts.SyntaxKind.ExportKeyword)];

/** The type declarations of one operation, and their names for the method's signature. */
export interface EmittedTypes {
  readonly statements: ts.Statement[];
  readonly request: string | undefined;
  readonly requestOptional: boolean;
  readonly response: string;
  readonly errors: string | undefined;
}

/**
 * Declares the types of one operation as indexed types into openapi-typescript's `paths`:
 * `XRequest` (only the parts the operation has), `XResponse` (the 2xx bodies), `XErrors` (bodies by
 * error status) and `XError` (the `HttpError` the method rejects with).
 */
export function operationTypes(operation: OperationModel, base: string, where: string): EmittedTypes {
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

function indexed(object: ts.TypeNode, ...keys: string[]): ts.TypeNode {
  return keys.reduce<ts.TypeNode>(
    (type, key) => f.createIndexedAccessTypeNode(type, f.createLiteralTypeNode(f.createStringLiteral(key))),
    object,
  );
}

function nonNullable(type: ts.TypeNode): ts.TypeNode {
  return typeRef('NonNullable', [type]);
}

export function typeRef(name: string, args?: ts.TypeNode[]): ts.TypeReferenceNode {
  return f.createTypeReferenceNode(name, args);
}

export function keyword(kind: ts.KeywordTypeSyntaxKind): ts.KeywordTypeNode {
  return f.createKeywordTypeNode(kind);
}
