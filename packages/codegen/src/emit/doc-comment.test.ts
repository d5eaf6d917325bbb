import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commentText, withDoc } from './doc-comment.js';

function printed(node: ts.Node): string {
  const file = ts.createSourceFile('x.ts', '', ts.ScriptTarget.Latest);
  return ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, file);
}

describe('doc comments', () => {
  it.each([
    ['ends */ here', 'ends *\\/ here'],
    ['a\r\nb\u2028c', 'a\nb\nc'],
    ['bell\u0007', 'bell'],
  ])('escapes %j as %j', (given, want) => {
    expect(commentText(given)).toBe(want);
  });

  it('keeps hostile text inside the comment', () => {
    const node = withDoc(
      ts.factory.createTypeAliasDeclaration(
        undefined,
        'T',
        undefined,
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      ),
      ['*/ export const pwned = 1; /*'],
      ['@deprecated'],
    );
    const text = printed(node);
    const parsed = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest);
    expect(parsed.statements).toHaveLength(1);
    expect(text).toContain('@deprecated');
  });
});
