import { Get, Provider, ProviderClient } from '@vitamin/core';

/** The provider client the client benchmarks call: one GET of the benchmark servers' route. */
@Provider({ service: 'greeting-service' })
export class GreetingClient extends ProviderClient {
  @Get('/greetings/{id}')
  get(request: { path: { id: string } }) {
    return this.call<{ id: string }>('get', request);
  }
}
