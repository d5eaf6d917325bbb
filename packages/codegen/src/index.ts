export { createCli } from './cli.js';
