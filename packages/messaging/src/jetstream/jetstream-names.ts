import type { ResolvedJetStreamTransportOptions } from './jetstream-options.js';

/**
 * Stream, subject and consumer names. Topic `a` and topic `a.b` never share a subject: their
 * subjects differ in token count.
 */
export class JetStreamNames {
  constructor(private readonly options: ResolvedJetStreamTransportOptions) {}

  /** The stream of one topic. */
  stream(topic: string): string {
    return `${this.options.streamPrefix}_${topic.replaceAll('.', '_')}`;
  }

  /** Where events of `topic` are published. */
  subject(topic: string): string {
    return `${this.options.subjectPrefix}.ev.${topic}`;
  }

  /** Where dead letters of `group` are redriven to: the topic's stream, for that group's consumer only. */
  redriveSubject(group: string, topic: string): string {
    return `${this.options.subjectPrefix}.redrive.${group}.${topic}`;
  }

  /** Every redrive subject of a topic's stream. */
  redriveSubjects(topic: string): string {
    return `${this.options.subjectPrefix}.redrive.*.${topic}`;
  }

  /** The stream holding every group's dead letters. */
  get deadLetterStream(): string {
    return `${this.options.streamPrefix}_DLQ`;
  }

  deadLetterSubject(group: string, topic: string): string {
    return `${this.options.subjectPrefix}.dlq.${group}.${topic}`;
  }

  deadLetterSubjects(group: string): string {
    return `${this.options.subjectPrefix}.dlq.${group}.>`;
  }

  /** The durable consumer names of a group: events, and its redriven dead letters. */
  consumers(group: string): { main: string; redrive: string } {
    return { main: group, redrive: `${group}_redrive` };
  }
}
