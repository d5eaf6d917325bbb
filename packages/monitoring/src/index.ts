// monitor
export { startMonitor } from './start-monitor.js';
export type { Monitor } from './start-monitor.js';
export { DEFAULT_MONITOR_OPTIONS, resolveMonitorOptions } from './monitor-options.js';
export type { MonitorOptions, ResolvedMonitorOptions } from './monitor-options.js';

// aggregation (for tools that read the turbine stream)
export { OPEN_HOSTS_FIELD } from './aggregate/turbine-format.js';

// command line
export { createMonitorCommand, DEFAULT_MONITOR_CLI_PORT } from './cli/monitor-command.js';
