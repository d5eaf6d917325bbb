import { describe, expect, it } from 'vitest';
import { COMMANDS, getMetadata } from '../metadata/index.js';
import { Command } from './command-decorator.js';

describe('@Command', () => {
  it('records key, group, fallback, options and pool options on the method, and nothing else', () => {
    const fallback = () => 'cached';
    class Prices {
      @Command({ key: 'prices', group: 'pricing', timeoutMs: 200, fallback, pool: { maxConcurrent: 4 } })
      price(): Promise<string> {
        return Promise.resolve('live');
      }

      @Command()
      other(): Promise<string> {
        return Promise.resolve('x');
      }
    }
    const declared = getMetadata(COMMANDS, Prices.prototype);
    expect(declared?.get('price')).toEqual({
      key: 'prices',
      group: 'pricing',
      fallback,
      pool: { maxConcurrent: 4 },
      options: { timeoutMs: 200 },
    });
    expect(declared?.get('other')).toEqual({ options: {} });
    expect(Prices.prototype.price).toBeTypeOf('function');
  });
});
