import { describe, expect, it } from 'vitest';
import { RateHistory } from './rate-history.js';

describe('RateHistory', () => {
  it('keeps the last points per command, a zero when a command is silent, and forgets it after a whole history', () => {
    const history = new RateHistory(3, 1000);
    expect(history.isDue(0)).toBe(true);
    history.add(0, new Map([['a', 1]]));
    expect(history.isDue(500)).toBe(false);
    history.add(
      1000,
      new Map([
        ['a', 2],
        ['b', 5],
      ]),
    );
    history.add(2000, new Map([['b', 6]]));
    history.add(3000, new Map([['a', 4]]));
    expect(history.of('a')).toEqual([2, 0, 4]);
    expect(history.of('b')).toEqual([5, 6, 0]);
    for (let t = 4000; t <= 8000; t += 1000) history.add(t, new Map());
    expect(history.of('b')).toEqual([]);
  });
});
