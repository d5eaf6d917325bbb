import type { Dispatcher } from 'undici';
import { callInstance } from './actuator-client.js';

/** What the admin view shows of an instance, read from its actuator. */
export interface InstanceDetails {
  /** When these were read, in ms since the epoch. */
  readonly readAt: number;
  /** `/actuator/health`: status and components (details when the token is accepted). */
  readonly health: unknown;
  /** `/actuator/info`: version, uptime, commit. */
  readonly info: unknown;
  /** `/actuator/loggers`: levels and loggers. */
  readonly loggers: unknown;
  /** Why some of these could not be read. */
  readonly errors: readonly string[];
}

const PARTS = ['health', 'info', 'loggers'] as const;

/** Reads health, info and loggers of the instance whose actuator is at `actuatorUrl`. */
export async function readDetails(
  dispatcher: Dispatcher,
  actuatorUrl: string,
  token: string | undefined,
  timeoutMs: number,
  now: number,
): Promise<InstanceDetails> {
  const errors: string[] = [];
  const answers = await Promise.all(
    PARTS.map(async (part) => {
      try {
        const answer = await callInstance(dispatcher, `${actuatorUrl}/${part}`, token, timeoutMs);
        // health answers 503 with its body when DOWN: still worth showing.
        if (answer.status === 200 || (part === 'health' && answer.status === 503)) return answer.body;
        errors.push(`${part}: HTTP ${answer.status}`);
      } catch (error) {
        errors.push(`${part}: ${(error as Error).message}`);
      }
      return undefined;
    }),
  );
  return { readAt: now, health: answers[0], info: answers[1], loggers: answers[2], errors };
}
