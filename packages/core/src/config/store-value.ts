import sjson from 'secure-json-parse';

/** Text that is meant as JSON: a number, `true`, `false`, `null`, a quoted string, an array or an object. */
const LOOKS_JSON = /^\s*(-?\d|true\s*$|false\s*$|null\s*$|"|\[|\{)/;

/**
 * Turns a value stored as text (in the config store or an environment variable) into a property
 * value: text that parses as JSON is that JSON value (`20` → 20, `true` → true, `"20"` → the
 * string 20, `[1,2]` → an array), anything else is the text itself. Objects carrying `__proto__`
 * or `constructor` keys are kept as plain text, never merged.
 */
export function decodeStoreValue(text: string): unknown {
  if (!LOOKS_JSON.test(text)) return text;
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }) as unknown;
  } catch {
    return text;
  }
}

/** The text form a value is stored as: strings as they are, everything else as JSON. */
export function encodeStoreValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
