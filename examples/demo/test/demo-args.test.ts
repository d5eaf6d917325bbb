import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../src/demo-args.js';

describe('the demo arguments', () => {
  it('default to a file registry and 10 orders per second', () => {
    expect(parseDemoArgs([])).toEqual({ etcd: undefined, rate: 10 });
  });

  it('take an etcd URL and a rate', () => {
    expect(parseDemoArgs(['--etcd', 'http://127.0.0.1:2379', '--rate', '2.5'])).toEqual({
      etcd: 'http://127.0.0.1:2379',
      rate: 2.5,
    });
  });

  it.each([
    [['--rate', 'fast'], "--rate: 'fast' is not a number of orders per second from 0 to 200"],
    [['--rate', '500'], "--rate: '500' is not a number of orders per second from 0 to 200"],
    [['--rate', ''], "--rate: '' is not a number of orders per second from 0 to 200"],
    [['--etcd', '127.0.0.1:2379'], "--etcd: '127.0.0.1:2379' is not an http(s) URL such as http://127.0.0.1:2379"],
    [['--etc', 'x'], "Unknown option '--etc'"],
  ])('refuse %j, naming the argument', (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});
