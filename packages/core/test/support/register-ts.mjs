// `node --conditions=vitamin:source --import ./register-ts.mjs child.ts` runs a TypeScript child.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
