/** A change to a property that was refused: the last good value stayed in effect. */
export interface ConfigRefusal {
  /** The property key (or the raw store key when the key itself was refused). */
  readonly key: string;
  /** The source the refused value came from, e.g. `etcd:service` or `file:config/application.yaml`. */
  readonly source: string;
  /** The refused value, masked when the key looks secret. */
  readonly value: unknown;
  /** Why it was refused. */
  readonly reason: string;
  /** When, in ms since the epoch. */
  readonly at: number;
}

/** A bounded log of the latest refusals, oldest first. */
export class RefusalLog {
  private readonly entries: ConfigRefusal[] = [];

  constructor(private readonly capacity = 100) {}

  add(refusal: ConfigRefusal): void {
    this.entries.push(Object.freeze(refusal));
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  list(): readonly ConfigRefusal[] {
    return [...this.entries];
  }
}
