import OpossumBreaker from 'opossum';
import type { Clock } from '../metrics/clock.js';
import type { CircuitState } from '../metrics/command-metrics.js';
import { RollingCounts } from '../metrics/rolling-counts.js';

/**
 * What {@link CircuitBreaker.admit} decided: rejected, allowed, or (any value ≥ `probe`) a probe of
 * one half-open period, so that a probe that outlives its period cannot free a later period's slot.
 */
export const ADMIT = Object.freeze({ rejected: 0, allowed: 1, probe: 2 });

/** One change of a circuit's state. */
export interface CircuitTransition {
  readonly key: string;
  readonly from: CircuitState;
  readonly to: CircuitState;
  /** Wall-clock time of the change, in ms since the epoch. */
  readonly at: number;
}

/** The breaker options a {@link CircuitBreaker} reads on each decision (a command's current options). */
export interface BreakerSettings {
  readonly circuitEnabled: boolean;
  readonly requestVolumeThreshold: number;
  readonly errorThresholdPercentage: number;
  readonly sleepWindowMs: number;
  readonly halfOpenProbes: number;
  readonly forceOpen: boolean;
  readonly forceClosed: boolean;
}

const HEALTHY = 0;
const UNHEALTHY = 1;

/**
 * Hystrix's circuit breaker on opossum's state machine. opossum holds the state (closed, open,
 * half-open) and the sleep-window timer; this class decides when to trip, by Hystrix's rule
 * (≥ `requestVolumeThreshold` requests and ≥ `errorThresholdPercentage` % failed in the rolling
 * window, bad requests and short circuits not counted), and admits exactly `halfOpenProbes` requests
 * while half-open: opossum alone lets every caller through after the sleep window.
 */
export class CircuitBreaker {
  private readonly machine: OpossumBreaker;
  private readonly health: RollingCounts;
  private probesInFlight = 0;
  private period = 0;
  private reported: CircuitState = 'closed';

  constructor(
    readonly key: string,
    private settings: BreakerSettings,
    private readonly clock: Clock,
    windowMs: number,
    buckets: number,
    private readonly onTransition: (transition: CircuitTransition) => void,
  ) {
    this.health = new RollingCounts(2, windowMs, buckets, clock.now());
    this.machine = new OpossumBreaker(async () => undefined, {
      name: key,
      timeout: false,
      resetTimeout: settings.sleepWindowMs,
      rollingCountTimeout: windowMs,
      rollingCountBuckets: buckets,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    const report = () => this.report();
    this.machine.on('open', report);
    this.machine.on('halfOpen', report);
    this.machine.on('close', report);
  }

  /** The state callers see (forced states included). */
  get state(): CircuitState {
    const { forceOpen, forceClosed } = this.settings;
    if (forceOpen) return 'forced-open';
    if (forceClosed) return 'forced-closed';
    if (this.machine.opened) return 'open';
    return this.machine.halfOpen ? 'half-open' : 'closed';
  }

  /** Applies changed options (the sleep window counts from the next opening). */
  update(settings: BreakerSettings): void {
    this.settings = settings;
    // opossum reads its options object each time it starts the sleep-window timer.
    (this.machine as unknown as { options: { resetTimeout: number } }).options.resetTimeout = settings.sleepWindowMs;
    this.report();
  }

  /**
   * Whether a request may run now: {@link ADMIT}`.rejected`, `.allowed`, or a probe (≥ `.probe`);
   * the caller reports the outcome with the value it got.
   */
  admit(): number {
    const settings = this.settings;
    if (settings.forceOpen) return ADMIT.rejected;
    if (settings.forceClosed || !settings.circuitEnabled || this.machine.closed) return ADMIT.allowed;
    if (!this.machine.halfOpen || this.probesInFlight >= settings.halfOpenProbes) return ADMIT.rejected;
    this.probesInFlight++;
    return ADMIT.probe + this.period;
  }

  /** Reports an execution that succeeded (or that the dependency refused as a bad request). */
  onSuccess(admission: number, now: number): void {
    if (admission >= ADMIT.probe) {
      if (!this.endProbe(admission)) return;
      if (this.machine.halfOpen) {
        this.health.reset(now);
        this.machine.close();
      }
      return;
    }
    this.health.add(HEALTHY, now);
  }

  /** Reports a bad request: not counted, but a probe that got an answer shows the dependency is back. */
  onBadRequest(admission: number): void {
    if (admission >= ADMIT.probe && this.endProbe(admission) && this.machine.halfOpen) {
      this.health.reset(this.clock.now());
      this.machine.close();
    }
  }

  /** Reports a failure, timeout or rejection; may open the circuit. */
  onFailure(admission: number, now: number): void {
    if (admission >= ADMIT.probe) {
      if (this.endProbe(admission) && this.machine.halfOpen) this.machine.open();
      return;
    }
    this.health.add(UNHEALTHY, now);
    const settings = this.settings;
    if (!this.machine.closed || settings.forceClosed || !settings.circuitEnabled) return;
    const failed = this.health.sum(UNHEALTHY, now);
    const total = failed + this.health.sum(HEALTHY, now);
    if (total >= settings.requestVolumeThreshold && failed * 100 >= settings.errorThresholdPercentage * total) {
      this.machine.open();
    }
  }

  /** Stops the sleep-window timer. */
  close(): void {
    this.machine.shutdown();
  }

  /** Whether the probe belongs to the current half-open period (and frees its slot). */
  private endProbe(admission: number): boolean {
    if (admission - ADMIT.probe !== this.period) return false;
    this.probesInFlight--;
    return true;
  }

  private report(): void {
    const to = this.state;
    if (to === this.reported) return;
    const from = this.reported;
    this.reported = to;
    if (to === 'half-open') {
      this.period++;
      this.probesInFlight = 0;
    }
    this.onTransition({ key: this.key, from, to, at: Date.now() });
  }
}
