import { Demo } from './demo.js';
import { parseDemoArgs, USAGE, type DemoArgs } from './demo-args.js';

// `npm run demo`: two delivery-service instances and one order-service in their own processes, a
// load generator, and fault switches to try. Ctrl-C (or SIGTERM) stops everything and exits 0.
let args: DemoArgs;
try {
  args = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const demo = await Demo.create(
  args,
  (line) => console.log(line),
  (line) => console.error(line),
);
let stopping = false;
const stop = (code: number) => () => {
  if (!stopping) console.log('stopping…');
  stopping = true;
  demo.stop().then(
    () => process.exit(code),
    (error: unknown) => {
      console.error(`the demo did not stop cleanly: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
// A second Ctrl-C while stopping changes nothing: each process gets its SIGTERM once, SIGKILL after 10 s.
process.on('SIGINT', stop(0));
process.on('SIGTERM', stop(0));
try {
  await demo.start();
} catch (error) {
  // A process that exits because Ctrl-C came during the start is no failure.
  if (!stopping) {
    console.error(`the demo could not start: ${(error as Error).message}`);
    stop(1)();
  }
}
