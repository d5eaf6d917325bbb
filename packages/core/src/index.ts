import 'reflect-metadata';

// app
export { createApp } from './app/create-app.js';
export type { App, AppOptions, Constructor } from './app/create-app.js';

// container
export { Service } from './container/service.js';
export { createContainer } from './container/create-container.js';
export { inject as Inject } from 'inversify';

// config
export { InMemoryConfig } from './config/config.js';
export type { Config, ConfigListener, Properties } from './config/config.js';

// server
export { Controller, defineController } from './server/controller.js';
export { Delete, Get, Patch, Post, Put, Route, defineRoute } from './server/routes.js';
export type { RouteOptions } from './server/routes.js';
export { Body, Header, Param, Query, defineParam } from './server/params.js';
export { DEFAULT_SERVER_OPTIONS, resolveServerOptions } from './server/server-options.js';
export type { ResolvedServerOptions, ServerOptions } from './server/server-options.js';
export type { ServerAddress } from './server/http-server.js';
export type { DeclaredRoute } from './server/controller-routes.js';
export type { ErrorBody } from './server/error-response.js';
export type { ValidationIssue } from './server/validation.js';

// client
export { Provider, defineProvider } from './client/provider.js';
export { ProviderClient } from './client/provider-client.js';
export { createClient } from './client/bind-provider.js';
export type { CreateClientOptions } from './client/bind-provider.js';
export { DEFAULT_CLIENT_TIMEOUT_MS } from './client/client-options.js';
export type { ClientOptions, OperationRequest } from './client/client-options.js';
export { UndiciTransport } from './client/undici-transport.js';
export type { UndiciTransportOptions } from './client/undici-transport.js';
export { AxiosTransport } from './client/axios-transport.js';
export type { Transport, TransportRequest, TransportResponse } from './client/transport.js';

// logging
export { createLogger } from './logging/logger.js';
export type { Logger, LoggerOptions } from './logging/logger.js';

// errors
export { ERROR_CODES } from './errors/codes.js';
export type { ErrorCode } from './errors/codes.js';
export { VitaminError, isVitaminError } from './errors/vitamin-error.js';
export type { VitaminErrorOptions } from './errors/vitamin-error.js';
export { BadRequestError, HttpError } from './errors/http-error.js';
export type { UpstreamCall } from './errors/http-error.js';

// metadata (for tools that read declarations, such as the OpenAPI generator)
export { defineMetadata, getMetadata, metadataKey } from './metadata/index.js';
export type { MetadataKey } from './metadata/index.js';
export type { HttpMethod, ParamMetadata, RouteMetadata, Schema, SchemaIssue, SchemaResult } from './metadata/index.js';
