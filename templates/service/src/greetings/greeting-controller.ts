import { Body, Controller, Get, Inject, Post, Returns, Value, type Logger } from '@vitamin/core';
import { z } from 'zod';
import { LOGGER } from '../logger-token.js';
import { Greeting, GreetingRequest } from './greeting.js';
import { GreetingBook } from './greeting-book.js';

/** The service's API: say hello, and say how. */
@Controller('/greetings')
export class GreetingController {
  /** The word greetings start with: `greeting.salutation` in config/, changeable while running. */
  @Value('greeting.salutation', { default: 'Hello', schema: z.string().min(1).max(40) })
  readonly salutation!: string;

  constructor(
    @Inject(GreetingBook) private readonly book: GreetingBook,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('', { status: 201 })
  @Returns(201, Greeting, 'The greeting')
  greet(@Body(GreetingRequest) request: GreetingRequest): Greeting {
    const greeted = this.book.record();
    // Logged inside the request, so the line carries the request's traceId and spanId.
    this.logger.info({ greeted }, 'greeted someone');
    return { message: `${this.salutation}, ${request.name}!`, greeted };
  }

  @Get('/salutation')
  @Returns(200, z.object({ salutation: z.string() }), 'The salutation in use')
  current(): { salutation: string } {
    return { salutation: this.salutation };
  }
}
