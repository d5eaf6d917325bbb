/**
 * Words that never become a generated name as they are: JavaScript's reserved and strict-mode words,
 * members of `ProviderClient` and `Object.prototype`, and `then` (a method named `then` would make
 * every client a thenable that `await` calls).
 */
const AVOIDED = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'.split(
    ' ',
  ),
  ...'call constructor then prototype __proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf'.split(
    ' ',
  ),
]);

/** Splits any text into ASCII words: `get-pet_by ID` → `['get', 'pet', 'by', 'ID']`. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** `get-pet by id` → `getPetById`; only ASCII letters and digits survive. */
export function camelCase(text: string): string {
  return words(text)
    .map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : upperFirst(word)))
    .join('');
}

/** `getPet` → `GetPet`. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name of an operation without operationId: `GET /pets/{id}/photos` → `getPetsByIdPhotos`. */
export function nameFromRoute(method: string, path: string): string {
  const parts = path.split('/').map((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    return param === null ? segment : `by ${param[1]!}`;
  });
  return camelCase(`${method} ${parts.join(' ')}`);
}

/** Makes `candidate` a safe identifier: not empty, not starting with a digit, not an avoided word. */
export function safeIdentifier(candidate: string, fallback: string): string {
  let name = candidate === '' ? fallback : candidate;
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (AVOIDED.has(name)) name = `${name}_`;
  return name;
}

/** Whether `name` can be used as it is for a class the user names (`--name`). */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !AVOIDED.has(name);
}

/** Hands out names that are unique within one generated file. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** `base`, or `base2`, `base3`… when taken. */
  claim(base: string): string {
    return this.claimWith(base, (name) => [name]);
  }

  /** A stem for names derived from it (`Stem` → `StemRequest`, …): all of `derive(stem)` must be free. */
  claimWith(base: string, derive: (stem: string) => readonly string[]): string {
    for (let n = 1; ; n++) {
      const stem = n === 1 ? base : `${base}${n}`;
      const derived = derive(stem);
      if (derived.some((d) => this.taken.has(d))) continue;
      for (const d of derived) this.taken.add(d);
      return stem;
    }
  }
}
