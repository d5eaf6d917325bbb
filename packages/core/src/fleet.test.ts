import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fleet from './fleet.js';
import * as everything from './index.js';

describe('@vitamin/core/fleet', () => {
  it('exports the very objects @vitamin/core exports, under the same names', () => {
    const names = Object.keys(fleet);
    expect(names).toEqual(expect.arrayContaining(['StaticRegistry', 'registryFromConfig', 'LatencyHistogram']));
    for (const name of names)
      expect(everything[name as keyof typeof everything], name).toBe(fleet[name as keyof typeof fleet]);
  });

  it('is a subpath of the package, built next to the main entry', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, string>>;
    };
    expect(manifest.exports['./fleet']).toEqual({
      'vitamin:source': './src/fleet.ts',
      types: './dist/fleet.d.ts',
      default: './dist/fleet.js',
    });
  });
});
