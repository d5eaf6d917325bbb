import ts from 'typescript';

/**
 * Makes untrusted text safe inside a `/** … *\/` comment: `*\/` can no longer close it, line breaks
 * of every kind become `\n`, control characters are dropped. Nothing else is needed: the text never
 * leaves the comment, whatever it holds.
 */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex
    .trim();
}

/** Attaches a TSDoc comment built from `paragraphs` (skipping empty ones) and `tags` to `node`. */
export function withDoc<T extends ts.Node>(
  node: T,
  paragraphs: readonly (string | undefined)[],
  tags: readonly string[] = [],
): T {
  const blocks = paragraphs.filter((p): p is string => p !== undefined && p.trim() !== '').map(commentText);
  const lines = [
    ...blocks.flatMap((block, i) => (i === 0 ? block.split('\n') : ['', ...block.split('\n')])),
    ...tags.map(commentText),
  ];
  if (lines.length === 0) return node;
  const body = lines.map((line) => (line === '' ? ' *' : ` * ${line}`)).join('\n');
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, `*\n${body}\n `, true);
}
