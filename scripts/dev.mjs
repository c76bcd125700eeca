#!/usr/bin/env node
// Dev mode: the server restarts on change (node --watch) and Vite serves the
// client with hot reload on :5173, proxying /api and /sync to the server.
import { spawn } from 'node:child_process';

const children = [
  spawn('pnpm', ['--filter', '@samverka/server', 'run', 'dev'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATA_DIR: process.env.DATA_DIR ?? `${process.cwd()}/data`,
      ALLOWED_ORIGINS: 'http://localhost:5173',
    },
  }),
  spawn('pnpm', ['--filter', '@samverka/client', 'run', 'dev'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
