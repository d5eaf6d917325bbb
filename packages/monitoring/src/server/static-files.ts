import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/** The dashboard's files, next to `src/` and `dist/` alike. */
const PUBLIC = new URL('../../public/', import.meta.url);

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard.js': { file: 'dashboard.js', type: 'text/javascript; charset=utf-8' },
  '/dashboard.css': { file: 'dashboard.css', type: 'text/css; charset=utf-8' },
};

/**
 * Scripts and styles only from the monitor itself, no inline script, no framing: even if markup
 * from an instance ever reached the page, it could not run.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** The dashboard files, read once. */
export class StaticFiles {
  private readonly bodies = new Map<string, { body: Buffer; type: string }>();

  constructor() {
    for (const [path, { file, type }] of Object.entries(FILES)) {
      this.bodies.set(path, { body: readFileSync(new URL(file, PUBLIC)), type });
    }
  }

  /** Serves `path` when it is a dashboard file; false otherwise. */
  serve(path: string, res: ServerResponse): boolean {
    const entry = this.bodies.get(path === '/index.html' ? '/' : path);
    if (entry === undefined) return false;
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': entry.type, 'content-length': entry.body.length });
    res.end(entry.body);
    return true;
  }
}
