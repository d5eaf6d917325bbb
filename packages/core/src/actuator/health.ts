import type { Logger } from '../logging/logger.js';

/** Health of an instance or one of its parts, from best to worst. */
export type HealthStatus = 'UP' | 'DEGRADED' | 'OUT_OF_SERVICE' | 'DOWN';

/** Health groups: `liveness` (restart me when DOWN) and `readiness` (send me traffic when UP). */
export type HealthGroup = 'liveness' | 'readiness';

/** What one indicator reports. */
export interface HealthResult {
  readonly status: HealthStatus;
  /** Shown only to authenticated callers. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * One part of an instance's health (the registry, the config store, downstream circuits, a
 * database). `check` may be async; one that throws or takes longer than the health timeout is DOWN.
 */
export interface HealthIndicator {
  /** Unique name, shown as a component of `/actuator/health`. */
  readonly name: string;
  /** Groups it belongs to besides the whole health. @defaultValue `['readiness']` */
  readonly groups?: readonly HealthGroup[];
  check(): HealthResult | Promise<HealthResult>;
}

/** The aggregated health with the result of each component. */
export interface HealthReport {
  readonly status: HealthStatus;
  readonly components: Readonly<Record<string, HealthResult>>;
}

const SEVERITY: Readonly<Record<HealthStatus, number>> = { UP: 0, DEGRADED: 1, OUT_OF_SERVICE: 2, DOWN: 3 };

/** The worst of `statuses` (`UP` when there are none). */
export function aggregateStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'UP';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/** The HTTP status a health report is served with: 503 when DOWN or OUT_OF_SERVICE. */
export function httpStatusOf(status: HealthStatus): number {
  return SEVERITY[status] >= SEVERITY.OUT_OF_SERVICE ? 503 : 200;
}

/** Where an instance is in its life, as readiness reports it. */
export type LifecycleState = 'starting' | 'ready' | 'stopping';

/**
 * The health of an instance: its indicators, and its lifecycle state, which readiness reports
 * first (an instance that is starting or stopping is not ready, whatever its indicators say).
 */
export class Health {
  private readonly indicators = new Map<string, HealthIndicator>();
  private state: LifecycleState = 'starting';

  constructor(
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  /** Where the instance is in its life. */
  get lifecycle(): LifecycleState {
    return this.state;
  }

  /** Marks the instance ready (serving) or stopping (shutdown began: readiness goes DOWN). */
  setLifecycle(state: LifecycleState): void {
    this.state = state;
  }

  /**
   * Adds an indicator; returns a function that removes it.
   * @throws RangeError when an indicator of that name exists
   */
  add(indicator: HealthIndicator): () => void {
    if (this.indicators.has(indicator.name) || indicator.name === 'lifecycle') {
      throw new RangeError(`health indicator '${indicator.name}' is already registered`);
    }
    this.indicators.set(indicator.name, indicator);
    return () => this.indicators.delete(indicator.name);
  }

  /** Checks every indicator of `group` (all of them without one) at once and aggregates. */
  async check(group?: HealthGroup): Promise<HealthReport> {
    const selected = [...this.indicators.values()].filter(
      (indicator) => group === undefined || (indicator.groups ?? ['readiness']).includes(group),
    );
    const results = await Promise.all(selected.map((indicator) => this.run(indicator)));
    const components: Record<string, HealthResult> = {};
    selected.forEach((indicator, i) => (components[indicator.name] = results[i]!));
    if (group !== 'liveness') components['lifecycle'] = this.lifecycleResult();
    return { status: aggregateStatus(Object.values(components).map((c) => c.status)), components };
  }

  private lifecycleResult(): HealthResult {
    const status = this.state === 'ready' ? 'UP' : this.state === 'starting' ? 'OUT_OF_SERVICE' : 'DOWN';
    return { status, details: { state: this.state } };
  }

  private async run(indicator: HealthIndicator): Promise<HealthResult> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<HealthResult>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'DOWN', details: { reason: 'timeout' } }), this.timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => indicator.check()), timeout]);
    } catch (error) {
      // The error can hold hosts or credentials of the dependency: log it, never serve it.
      this.logger.warn({ err: error, indicator: indicator.name }, 'health indicator failed');
      return { status: 'DOWN', details: { reason: 'error' } };
    } finally {
      clearTimeout(timer);
    }
  }
}
