import { randomBytes } from 'node:crypto';
import { decodeStoreValue, keyToEnvName } from '@vitamin/core';
import { properties } from './demo-registry.js';

const ACTUATOR_TOKEN = 'vitamin.actuator.token';

/** The secrets of one run of the demo. */
export interface DemoTokens {
  /** The bearer token of every service's actuator: the monitor and the status line send it; never printed. */
  readonly actuator: string;
  /** The token the monitor's admin actions require: printed for the person who runs the demo. */
  readonly admin: string;
  /** The environment variable that gives the services {@link actuator} as `vitamin.actuator.token`. */
  readonly env: Record<string, string>;
}

/**
 * Fresh random tokens for this run; the actuator token is the environment's
 * `VITAMIN_PROPS__vitamin__actuator__token` when it sets one (as for any property, the environment
 * wins), so whoever set it can call the services' actuators too.
 */
export function demoTokens(env: NodeJS.ProcessEnv): DemoTokens {
  const given = env[keyToEnvName(ACTUATOR_TOKEN)];
  const actuator = given === undefined || given === '' ? randomToken() : String(decodeStoreValue(given));
  // Quoted, so that a token that looks like a number or `true` stays the same text in the services.
  return { actuator, admin: randomToken(), env: properties({ [ACTUATOR_TOKEN]: JSON.stringify(actuator) }) };
}

/** 192 random bits, URL-safe: fit for a bearer header and a terminal. */
function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
