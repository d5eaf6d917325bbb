/**
 * What can happen to one command execution, as counted by the rolling counters. The numbers index
 * the counters, so they never change; names are what snapshots and streams show.
 */
export const COMMAND_EVENT = Object.freeze({
  success: 0,
  failure: 1,
  timeout: 2,
  shortCircuited: 3,
  bulkheadRejected: 4,
  poolRejected: 5,
  fallbackSuccess: 6,
  fallbackFailure: 7,
  badRequest: 8,
});

/** Name of a command event, such as `'timeout'`. */
export type CommandEvent = keyof typeof COMMAND_EVENT;

/** Every command event name, in counter order. */
export const COMMAND_EVENTS = Object.freeze(Object.keys(COMMAND_EVENT) as CommandEvent[]);

/** Counts per event over the rolling window. */
export type EventCounts = Record<CommandEvent, number>;
