#!/usr/bin/env node
// The `vitamin` command. It lives outside dist/ so that installing a checkout links it before the
// first build; the command itself is compiled into dist/ (`npm run build`).
await import('../dist/bin.js');
