import { Get, Post, Provider, ProviderClient } from '@vitamin/core';
import type { Greeting, GreetingRequest } from './greeting.js';

/** A provider client of the greeting service, written by hand (codegen writes the same shape). */
@Provider({ service: 'greeting-service' })
export class GreetingClient extends ProviderClient {
  @Get('/greetings/{name}')
  getGreeting(request: { path: { name: string }; query?: { language?: string } }): Promise<Greeting> {
    return this.call('getGreeting', request);
  }

  @Post('/greetings')
  createGreeting(request: { body: GreetingRequest }): Promise<Greeting> {
    return this.call('createGreeting', request);
  }

  @Get('/greetings/_/fail')
  fail(): Promise<Greeting> {
    return this.call('fail');
  }
}
