/**
 * The catalogue of every error code vitamin raises. Codes are stable: tools and dashboards match on
 * them, so a code is never renamed or reused. `docs/errors.md` lists each one; a test keeps both in sync.
 */
export const ERROR_CODES = {
  VITAMIN_E_VALIDATION: {
    status: 400,
    retryable: false,
    description: 'A request parameter, header or body failed its schema.',
  },
  VITAMIN_E_BAD_JSON: {
    status: 400,
    retryable: false,
    description: 'A request body that claims to be JSON could not be parsed.',
  },
  VITAMIN_E_NOT_FOUND: {
    status: 404,
    retryable: false,
    description: 'No route matches the request method and path.',
  },
  VITAMIN_E_BODY_TOO_LARGE: {
    status: 413,
    retryable: false,
    description: 'The request body is larger than the server accepts (`bodyLimit`).',
  },
  VITAMIN_E_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    retryable: false,
    description: 'A request body was sent with a content type other than JSON to a route that reads JSON.',
  },
  VITAMIN_E_INTERNAL: {
    status: 500,
    retryable: false,
    description: 'A handler threw an unexpected error; details are in the server log, never in the response.',
  },
  VITAMIN_E_HTTP: {
    status: 502,
    retryable: false,
    description: 'A provider answered with a non-2xx status; the error carries the status and parsed body.',
  },
  VITAMIN_E_BAD_REQUEST: {
    status: 400,
    retryable: false,
    description: 'User code refused its input; commands neither count it as a failure nor run the fallback.',
  },
  VITAMIN_E_CONNECT: {
    status: 503,
    retryable: true,
    description: 'A provider could not be reached (connection refused, reset or closed before an answer).',
  },
  VITAMIN_E_TIMEOUT: {
    status: 504,
    retryable: true,
    description: 'A call to a provider took longer than its timeout and was aborted.',
  },
  VITAMIN_E_INVALID_REQUEST: {
    status: 400,
    retryable: false,
    description: 'A provider client refused to send a request: a header, path or method holds CR, LF or NUL.',
  },
  VITAMIN_E_NO_INSTANCE: {
    status: 503,
    retryable: true,
    description: 'A provider client has no UP instance of its service to call (none registered, configured or left).',
  },
  VITAMIN_E_REGISTRY_RECORD: {
    status: 500,
    retryable: false,
    description: 'An instance record (from code, a registry file or etcd) is invalid; the message names the field.',
  },
  VITAMIN_E_CIRCUIT_OPEN: {
    status: 503,
    retryable: false,
    description: 'A command was not run because its circuit is open (or forced open); its fallback ran if it has one.',
  },
  VITAMIN_E_BULKHEAD_FULL: {
    status: 503,
    retryable: false,
    description: 'A command was rejected because `maxConcurrent` executions of its key were already running.',
  },
  VITAMIN_E_POOL_FULL: {
    status: 503,
    retryable: false,
    description: "A command was rejected because its group's concurrency pool and queue were full.",
  },
  VITAMIN_E_COMMAND_TIMEOUT: {
    status: 504,
    retryable: false,
    description: 'A command did not finish within its `timeoutMs` (retries included); its work was aborted.',
  },
  VITAMIN_E_DEFINITION: {
    status: 500,
    retryable: false,
    description: 'A controller, route or provider is declared wrongly (found at boot, before serving).',
  },
  VITAMIN_E_CONFIG: {
    status: 500,
    retryable: false,
    description: 'A configuration value is missing or invalid.',
  },
  VITAMIN_E_CONFIG_PARSE: {
    status: 500,
    retryable: false,
    description: 'A configuration file is not valid YAML (the message names file, line and column).',
  },
  VITAMIN_E_CONFIG_KEY: {
    status: 500,
    retryable: false,
    description: 'A property key, service name, instance id or profile is malformed or unsafe.',
  },
  VITAMIN_E_CONFIG_INVALID: {
    status: 500,
    retryable: false,
    description: 'A property value fails its schema or type at boot, or a placeholder has no value.',
  },
  VITAMIN_E_CONFIG_STORE_UNAVAILABLE: {
    status: 503,
    retryable: true,
    description: 'The config store is unreachable at boot, there is no snapshot, and failFast is set.',
  },
  VITAMIN_E_UNAUTHORIZED: {
    status: 401,
    retryable: false,
    description: 'An actuator endpoint that is not open was called without a bearer token.',
  },
  VITAMIN_E_FORBIDDEN: {
    status: 403,
    retryable: false,
    description: 'An actuator endpoint was called with a wrong token, or no token is configured for it.',
  },
  VITAMIN_E_STREAM_LIMIT: {
    status: 503,
    retryable: true,
    description: 'A metric stream already has as many clients as it accepts (`streamMaxClients`).',
  },
  VITAMIN_E_SPEC: {
    status: 422,
    retryable: false,
    description: 'An OpenAPI or Swagger description is invalid, unreadable or refers outside its folder.',
  },
  VITAMIN_E_INVALID_MESSAGE: {
    status: 400,
    retryable: false,
    description:
      'A message was refused before publishing: invalid topic, header name or value, or an event that is not JSON.',
  },
  VITAMIN_E_PUBLISH: {
    status: 503,
    retryable: true,
    description:
      'The broker did not confirm a published message (refused, unroutable, or the connection closed first).',
  },
} as const satisfies Record<string, { status: number; retryable: boolean; description: string }>;

/** A stable vitamin error code, such as `VITAMIN_E_VALIDATION`. */
export type ErrorCode = keyof typeof ERROR_CODES;
