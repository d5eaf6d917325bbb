import { describe, expect, it } from 'vitest';
import { fanoutOf, type EmitterSignal } from './abort-fanout.js';

describe('fanoutOf', () => {
  it('relays one abort to every request still listening, once, with the reason', () => {
    const controller = new AbortController();
    const fanout = fanoutOf(controller.signal) as EmitterSignal;
    expect(fanoutOf(controller.signal)).toBe(fanout);
    const heard: string[] = [];
    const left = () => heard.push('left');
    fanout.addListener('abort', () => heard.push('a'));
    fanout.once('abort', left);
    fanout.addListener('abort', () => heard.push('b'));
    fanout.removeListener('abort', left);
    const reason = new Error('deadline');
    controller.abort(reason);
    controller.abort(new Error('again'));
    expect(heard).toEqual(['a', 'b']);
    expect([fanout.aborted, fanout.reason]).toEqual([true, reason]);
  });

  it('hands back an already aborted signal itself, so a late request aborts at once', () => {
    const signal = AbortSignal.abort(new Error('gone'));
    expect(fanoutOf(signal)).toBe(signal);
  });

  it('keeps one listener on the signal however many requests join', () => {
    const controller = new AbortController();
    let added = 0;
    const addEventListener = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<typeof addEventListener>) => {
      added++;
      addEventListener(...args);
    }) as typeof addEventListener;
    for (let i = 0; i < 100; i++) (fanoutOf(controller.signal) as EmitterSignal).on('abort', () => {});
    expect(added).toBe(1);
  });
});
