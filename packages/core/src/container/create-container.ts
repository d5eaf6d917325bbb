import { Container } from 'inversify';

/** A new container in which classes that are asked for but not bound are constructed as singletons. */
export function createContainer(): Container {
  return new Container({ autobind: true, defaultScope: 'Singleton' });
}
