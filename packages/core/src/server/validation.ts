import { VitaminError } from '../errors/vitamin-error.js';
import type { ParamSource, Schema, SchemaIssue } from '../metadata/index.js';

/** One validation problem, as a 400 response lists it. */
export interface ValidationIssue {
  /** Where the value came from: path, query, header or body. */
  readonly in: ParamSource;
  /** Dotted path of the bad field inside that part, e.g. `items.0.quantity` (empty for the whole part). */
  readonly path: string;
  readonly message: string;
}

/** Collects issues found while validating one request, so that one 400 reports all of them. */
export class ValidationIssues {
  readonly list: ValidationIssue[] = [];

  /** Validates `value`; returns the converted value, or records the issues and returns undefined. */
  check(schema: Schema, value: unknown, source: ParamSource, name: string | undefined): unknown {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.list.push(toIssue(issue, source, name));
    return undefined;
  }

  /** Throws a `VITAMIN_E_VALIDATION` error naming the first bad field when any issue was found. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const first = this.list[0]!;
    const where = first.path === '' ? first.in : `${first.in} field '${first.path}'`;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more)` : '';
    throw new VitaminError('VITAMIN_E_VALIDATION', `Invalid request: ${where}: ${first.message}${more}`, {
      details: this.list,
    });
  }
}

function toIssue(issue: SchemaIssue, source: ParamSource, name: string | undefined): ValidationIssue {
  const inner = issue.path.map(String);
  const path = name === undefined ? inner : [name, ...inner];
  return { in: source, path: path.join('.'), message: issue.message };
}
