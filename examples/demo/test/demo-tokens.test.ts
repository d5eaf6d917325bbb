import { decodeStoreValue } from '@vitamin/core';
import { describe, expect, it } from 'vitest';
import { demoTokens } from '../src/demo-tokens.js';

const TOKEN_VARIABLE = 'VITAMIN_PROPS__vitamin__actuator__token';

/** The token the services read from the environment the demo gives them (decoded as every `VITAMIN_PROPS__` value). */
const serviceToken = (env: Record<string, string>) => decodeStoreValue(env[TOKEN_VARIABLE]!);

describe('the demo tokens', () => {
  it('are random for each run, and the admin token is not the actuator token', () => {
    const [a, b] = [demoTokens({}), demoTokens({})];
    expect(a.actuator).toMatch(/^[\w-]{32}$/);
    expect(a.admin).toMatch(/^[\w-]{32}$/);
    expect(new Set([a.actuator, a.admin, b.actuator, b.admin]).size).toBe(4);
    expect(serviceToken(a.env)).toBe(a.actuator);
  });

  it("take the environment's actuator token, as the services would", () => {
    expect(demoTokens({ [TOKEN_VARIABLE]: 's3cret' }).actuator).toBe('s3cret');
    expect(demoTokens({ [TOKEN_VARIABLE]: '"12"' }).actuator).toBe('12');
    expect(demoTokens({ [TOKEN_VARIABLE]: '' }).actuator).toMatch(/^[\w-]{32}$/);
  });

  it('give the services a token that looks like a number as the same text', () => {
    const { env, actuator } = demoTokens({ [TOKEN_VARIABLE]: '2000' });
    expect(actuator).toBe('2000');
    expect(serviceToken(env)).toBe('2000');
  });
});
