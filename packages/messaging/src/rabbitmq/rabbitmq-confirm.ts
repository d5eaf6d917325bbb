import type { ConfirmChannel, Options } from 'amqplib';
import { VitaminError } from '@vitamin/core';

/**
 * Publishes on a confirm channel and resolves once the broker has confirmed the message.
 * @throws VitaminError `VITAMIN_E_PUBLISH` when the broker nacks it or the channel closes first
 */
export function publishConfirmed(
  channel: ConfirmChannel,
  exchange: string,
  key: string,
  body: Buffer,
  options: Options.Publish,
): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      channel.publish(exchange, key, body, options, (error: unknown) => {
        if (error == null) resolve();
        else
          reject(
            new VitaminError('VITAMIN_E_PUBLISH', `RabbitMQ did not confirm the message to '${key}'.`, {
              cause: error,
            }),
          );
      });
    } catch (error) {
      reject(
        new VitaminError('VITAMIN_E_PUBLISH', `Could not publish to '${key}': ${(error as Error).message}`, {
          cause: error,
        }),
      );
    }
  });
}
