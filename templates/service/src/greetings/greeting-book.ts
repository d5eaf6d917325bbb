import type { HealthIndicator } from '@vitamin/core';

/**
 * Remembers how many greetings this instance said. Stands in for the state a real service keeps (a
 * database, a cache): replace it, and make {@link greetingBookIndicator} check the real thing.
 */
export class GreetingBook {
  private count = 0;

  record(): number {
    return ++this.count;
  }

  get size(): number {
    return this.count;
  }

  /** Whether the book can take greetings; a real store would ping its database here. */
  isWritable(): boolean {
    return Number.isSafeInteger(this.count + 1);
  }
}

/** Readiness of the greeting book: `/actuator/health/readiness` is DOWN while it cannot take greetings. */
export function greetingBookIndicator(book: GreetingBook): HealthIndicator {
  return {
    name: 'greetingBook',
    groups: ['readiness'],
    check: () => (book.isWritable() ? { status: 'UP', details: { greeted: book.size } } : { status: 'DOWN' }),
  };
}
