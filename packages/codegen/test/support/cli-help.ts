import { createCli } from '../../src/index.js';

/** What `vitamin <verb> --help` prints. */
export async function helpOf(verb: string): Promise<string> {
  let help = '';
  const cli = createCli();
  for (const command of cli.commands) command.configureOutput({ writeOut: (text) => (help += text) });
  // commander exits (throws, under exitOverride) after printing the help.
  await cli.parseAsync([verb, '--help'], { from: 'user' }).catch(() => undefined);
  return help;
}

/** The environment of npm run by hand: none of the npm_* variables of the `npm test` running us. */
export const NPM_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
