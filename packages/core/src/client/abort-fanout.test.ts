import { describe, expect, it } from 'vitest';
import { fanoutOf } from './abort-fanout.js';

describe('fanoutOf', () => {
  it('relays one abort to every request still listening, once, with the reason', () => {
    const controller = new AbortController();
    const fanout = fanoutOf(controller.signal);
    expect(fanoutOf(controller.signal)).toBe(fanout);
    const heard: unknown[] = [];
    const left = { onAbort: () => heard.push('left') };
    fanout.add({ onAbort: (reason) => heard.push(['a', reason]) });
    fanout.add(left);
    fanout.add({ onAbort: () => heard.push('b') });
    fanout.delete(left);
    const reason = new Error('deadline');
    controller.abort(reason);
    controller.abort(new Error('again'));
    expect(heard).toEqual([['a', reason], 'b']);
  });

  it('keeps one listener on the signal however many requests join', () => {
    const controller = new AbortController();
    let added = 0;
    const addEventListener = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof addEventListener>) => {
      added++;
      addEventListener(...args);
    }) as typeof addEventListener;
    for (let i = 0; i < 100; i++) fanoutOf(controller.signal).add({ onAbort: () => {} });
    expect(added).toBe(1);
  });
});
