import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from '../src/demo-args.js';

describe('the demo arguments', () => {
  it('default to a file registry, 10 orders per second and the monitor on its usual port or a free one', () => {
    expect(parseDemoArgs([])).toStrictEqual({ etcd: undefined, rate: 10, monitorPort: undefined });
  });

  it('take an etcd URL, a rate and a monitor port', () => {
    expect(parseDemoArgs(['--etcd', 'http://127.0.0.1:2379', '--rate', '2.5', '--monitor-port', '0'])).toStrictEqual({
      etcd: 'http://127.0.0.1:2379',
      rate: 2.5,
      monitorPort: 0,
    });
    expect(parseDemoArgs(['--monitor-port', '8090']).monitorPort).toBe(8090);
  });

  it.each([
    [['--rate', 'fast'], "--rate: 'fast' is not a number of orders per second from 0 to 200"],
    [['--rate', '500'], "--rate: '500' is not a number of orders per second from 0 to 200"],
    [['--rate', ''], "--rate: '' is not a number of orders per second from 0 to 200"],
    [['--etcd', '127.0.0.1:2379'], "--etcd: '127.0.0.1:2379' is not an http(s) URL such as http://127.0.0.1:2379"],
    [['--monitor-port', 'http'], "--monitor-port: 'http' is not a port from 0 to 65535"],
    [['--monitor-port', '70000'], "--monitor-port: '70000' is not a port from 0 to 65535"],
    [['--monitor-port=-1'], "--monitor-port: '-1' is not a port from 0 to 65535"],
    [['--etc', 'x'], "Unknown option '--etc'"],
  ])('refuse %j, naming the argument', (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});
