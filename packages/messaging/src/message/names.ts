import { VitaminError } from '@vitamin/core';

/** Topics are dot-separated words (`order.created`); each word letters, digits, `_` or `-`. */
const TOPIC = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,15}$/;
/** Groups name one consumer group and become queue and consumer names: one word. */
const GROUP = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Refuses a topic that brokers would read as a pattern or that could reach another queue.
 * @throws VitaminError `VITAMIN_E_DEFINITION` naming the topic and where it was declared
 */
export function checkTopic(topic: string, where: string): string {
  if (typeof topic !== 'string' || !TOPIC.test(topic)) {
    throw new VitaminError(
      'VITAMIN_E_DEFINITION',
      `Invalid topic ${JSON.stringify(topic)} in ${where}: use dot-separated words of letters, digits, '_' or '-' (e.g. 'order.created').`,
    );
  }
  return topic;
}

/**
 * Refuses a consumer group name that is not one plain word.
 * @throws VitaminError `VITAMIN_E_DEFINITION`
 */
export function checkGroup(group: string, where: string): string {
  if (typeof group !== 'string' || !GROUP.test(group)) {
    throw new VitaminError(
      'VITAMIN_E_DEFINITION',
      `Invalid consumer group ${JSON.stringify(group)} in ${where}: use letters, digits, '_' or '-' (e.g. 'delivery-service').`,
    );
  }
  return group;
}
