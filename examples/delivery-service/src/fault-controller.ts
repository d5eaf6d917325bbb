import { Body, Controller, Get, HttpError, Inject, Put, Returns, Value } from '@vitamin/core';
import { z } from 'zod';
import { Faults, FaultSettings } from './faults.js';

/** The property that turns the fault switch on (off by default, so no deployed instance can be broken on request). */
export const FAULTS_ENABLED = 'delivery.faults.enabled';

const SwitchOff = z.object({ error: z.literal('fault-switch-off'), message: z.string() });

/**
 * The demo's fault switch of this instance: `PUT /demo/faults` with `{ latencyMs, failureRate }`
 * (`{}` turns faults off). Answers 404 unless `delivery.faults.enabled` is true.
 */
@Controller('/demo/faults')
export class FaultController {
  @Value(FAULTS_ENABLED, { default: false, schema: z.boolean() })
  private readonly enabled!: boolean;

  constructor(@Inject(Faults) private readonly faults: Faults) {}

  @Get('', { key: 'getFaults', summary: 'The faults this instance injects (demo only)' })
  @Returns(200, FaultSettings)
  @Returns(404, SwitchOff, 'The fault switch is off')
  get(): FaultSettings {
    this.assertEnabled();
    return this.faults.current;
  }

  @Put('', { key: 'setFaults', summary: 'Make this instance slow or failing (demo only)' })
  @Returns(200, FaultSettings)
  @Returns(404, SwitchOff, 'The fault switch is off')
  set(@Body(FaultSettings) settings: FaultSettings): FaultSettings {
    this.assertEnabled();
    return this.faults.set(settings);
  }

  private assertEnabled(): void {
    if (this.enabled !== true) {
      throw new HttpError(404, 'fault switch off', {
        error: 'fault-switch-off',
        message: `the fault switch is off; start the instance with the property ${FAULTS_ENABLED}=true`,
      });
    }
  }
}
