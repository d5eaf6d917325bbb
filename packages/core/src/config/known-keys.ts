/**
 * Patterns of the `vitamin.` properties some part of vitamin reads. `*` stands for one key segment
 * (a service name, a command key), `**` for any rest. A key under `vitamin.` that matches none of
 * them is reported as unknown (a typo such as `vitamin.comand.default.timeoutMs` is never silently
 * ignored).
 */
const PATTERNS: string[] = [
  'vitamin.server.*',
  'vitamin.client.timeoutMs',
  'vitamin.services.*.url',
  'vitamin.services.*.**',
  'vitamin.command.*.*',
  'vitamin.config.**',
  'vitamin.tracing.*',
  'vitamin.actuator.**',
  'vitamin.shutdown.*',
  'vitamin.instance.**',
  'vitamin.info.**',
  'vitamin.discovery.**',
];
let compiled: RegExp[] | undefined;

/**
 * Declares more known `vitamin.` property patterns (for a component that reads its own
 * properties, such as discovery or the actuator).
 */
export function registerKnownProperties(patterns: readonly string[]): void {
  PATTERNS.push(...patterns);
  compiled = undefined;
}

/** True when `key` is not under `vitamin.`, or matches a known pattern. */
export function isKnownProperty(key: string): boolean {
  if (!key.startsWith('vitamin.')) return true;
  compiled ??= PATTERNS.map(toRegExp);
  return compiled.some((pattern) => pattern.test(key));
}

function toRegExp(pattern: string): RegExp {
  const body = pattern
    .split('.')
    .map((part) => (part === '**' ? '.+' : part === '*' ? '[^.]+' : part.replace(/[-]/g, '\\-')))
    .join('\\.');
  return new RegExp(`^${body}$`);
}
