import {
  deadLetterHeaders,
  type DeadLetter,
  type MessageEnvelope,
  toDeadLetter,
  withoutDeadLetterHeaders,
} from '../message/message.js';
import type { Consumption, ConsumerSpec, Delivery, DeliveryHandler, MessageTransport } from './message-transport.js';

interface Pending {
  readonly message: MessageEnvelope;
  readonly attempt: number;
}

interface Member {
  readonly handler: DeliveryHandler;
  readonly prefetch: number;
  readonly topic: string;
  inFlight: number;
  stopped: boolean;
}

/** One consumer group: its queue, its consumers, its dead letters. */
class Group {
  readonly topics = new Set<string>();
  readonly queue: Pending[] = [];
  readonly members: Member[] = [];
  readonly deadLetters: MessageEnvelope[] = [];
  readonly timers = new Set<ReturnType<typeof setTimeout>>();
  next = 0;
}

/**
 * The embedded transport: groups, retries with delays, dead letters and redrive with the same
 * semantics as the brokers, inside this process. Nothing survives a restart; for tests and demos.
 */
export class InMemoryTransport implements MessageTransport {
  private readonly groups = new Map<string, Group>();

  publish(message: MessageEnvelope): Promise<void> {
    for (const group of this.groups.values()) {
      if (group.topics.has(message.topic)) this.enqueue(group, { message, attempt: 1 });
    }
    return Promise.resolve();
  }

  consume(spec: ConsumerSpec, handler: DeliveryHandler): Promise<Consumption> {
    const group = this.group(spec.group);
    group.topics.add(spec.topic);
    const member: Member = { handler, prefetch: spec.prefetch, topic: spec.topic, inFlight: 0, stopped: false };
    group.members.push(member);
    this.pump(group);
    return Promise.resolve({
      stop: async () => {
        member.stopped = true;
        group.members.splice(group.members.indexOf(member), 1);
        while (member.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
  }

  deadLetters(group: string, limit = 100): Promise<DeadLetter[]> {
    return Promise.resolve(this.group(group).deadLetters.slice(0, limit).map(toDeadLetter));
  }

  redrive(groupName: string, ids?: readonly string[]): Promise<number> {
    const group = this.group(groupName);
    const chosen = group.deadLetters.filter((m) => ids === undefined || ids.includes(m.id));
    group.deadLetters.splice(0, group.deadLetters.length, ...group.deadLetters.filter((m) => !chosen.includes(m)));
    for (const message of chosen) {
      this.enqueue(group, { message: { ...message, headers: withoutDeadLetterHeaders(message.headers) }, attempt: 1 });
    }
    return Promise.resolve(chosen.length);
  }

  close(): Promise<void> {
    for (const group of this.groups.values()) {
      for (const timer of group.timers) clearTimeout(timer);
      group.timers.clear();
      group.members.length = 0;
    }
    return Promise.resolve();
  }

  private group(name: string): Group {
    let group = this.groups.get(name);
    if (group === undefined) this.groups.set(name, (group = new Group()));
    return group;
  }

  private enqueue(group: Group, pending: Pending): void {
    group.queue.push(pending);
    this.pump(group);
  }

  private pump(group: Group): void {
    while (group.queue.length > 0) {
      const pending = group.queue[0] as Pending;
      const member = this.pick(group, pending.message.topic);
      if (member === undefined) return;
      group.queue.shift();
      member.inFlight++;
      void member.handler(this.delivery(group, member, pending));
    }
  }

  /** Round robin over the group's members that handle the topic and have room. */
  private pick(group: Group, topic: string): Member | undefined {
    const n = group.members.length;
    for (let i = 0; i < n; i++) {
      const member = group.members[(group.next + i) % n] as Member;
      if (member.topic === topic && member.inFlight < member.prefetch) {
        group.next = (group.next + i + 1) % n;
        return member;
      }
    }
    return undefined;
  }

  private delivery(group: Group, member: Member, pending: Pending): Delivery {
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return Promise.resolve();
      settled = true;
      member.inFlight--;
      then();
      this.pump(group);
      return Promise.resolve();
    };
    return {
      message: pending.message,
      attempt: pending.attempt,
      ack: () => settle(() => undefined),
      retry: (delayMs) =>
        settle(() => {
          const timer = setTimeout(() => {
            group.timers.delete(timer);
            this.enqueue(group, { message: pending.message, attempt: pending.attempt + 1 });
          }, delayMs);
          group.timers.add(timer);
        }),
      deadLetter: (reason, error) =>
        settle(() => {
          const headers = { ...pending.message.headers, ...deadLetterHeaders(reason, error, pending.attempt) };
          group.deadLetters.push({ ...pending.message, headers });
        }),
    };
  }
}
