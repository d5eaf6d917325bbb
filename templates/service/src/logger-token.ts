/** Container token of the app's logger, so controllers and services can log with trace ids. */
export const LOGGER = Symbol.for('__SERVICE_NAME__.logger');
