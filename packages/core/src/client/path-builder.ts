import { VitaminError } from '../errors/vitamin-error.js';

/** Builds a request path from path parameters. */
export type PathBuilder = (params: Readonly<Record<string, unknown>> | undefined) => string;

/**
 * Compiles a path template (`/orders/{id}` or `/orders/:id`) once into a builder. Each parameter
 * becomes exactly one encoded segment: `/`, `?`, `#` and control characters are percent-encoded, and
 * the values `.` and `..` are refused (URL parsers resolve even their encoded forms), so a value can
 * never climb out of the path or reach another host.
 */
export function compilePath(template: string, where: string): PathBuilder {
  const literals: string[] = [];
  const names: string[] = [];
  let rest = template.startsWith('/') ? template : `/${template}`;
  const pattern = /\{([^{}]+)\}|:([A-Za-z_$][\w$]*)/;
  for (let match = pattern.exec(rest); match !== null; match = pattern.exec(rest)) {
    literals.push(rest.slice(0, match.index));
    names.push(match[1] ?? match[2]!);
    rest = rest.slice(match.index + match[0].length);
  }
  const tail = rest;
  if (names.length === 0) return () => tail;

  return (params) => {
    let path = '';
    for (let i = 0; i < names.length; i++) {
      const value = params?.[names[i]!];
      if (value === undefined || value === null || value === '') {
        throw new VitaminError('VITAMIN_E_INVALID_REQUEST', `${where}: path parameter '${names[i]}' is missing`);
      }
      const text = String(value);
      if (text === '.' || text === '..') {
        throw new VitaminError(
          'VITAMIN_E_INVALID_REQUEST',
          `${where}: path parameter '${names[i]}' is '${text}', which would change the path`,
        );
      }
      path += literals[i]! + encodeURIComponent(text);
    }
    return path + tail;
  };
}
