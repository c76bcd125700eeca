import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartCommand, productionStart } from '../../../scripts/productionStart.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** `A=1 B=2` lines (Dockerfile ENV, systemd Environment=) as one name → value map. */
function assignments(lines: string[]): Map<string, string> {
  const pairs = lines
    .flatMap((line) => line.split(/\s+/))
    .map((word) => {
      const [name = '', value = ''] = word.split('=', 2);
      return [name, value] as const;
    });
  return new Map(pairs);
}

describe('how production starts the server (what the bench copies)', () => {
  it('parses the environment and Node flags out of a start script', () => {
    expect(
      parseStartCommand('pnpm build && NODE_ENV=production A_B=2 node --flag=1 --other server/dist/main.js'),
    ).toEqual({ env: { NODE_ENV: 'production', A_B: '2' }, nodeArgs: ['--flag=1', '--other'] });
    expect(() => parseStartCommand('pnpm build && node --import tsx server/src/main.ts')).toThrow(/server\/dist/);
  });

  it('the Dockerfile, the systemd unit and the server package start it as `pnpm start` does', () => {
    const { env, nodeArgs } = productionStart();
    expect(env.NODE_ENV).toBe('production');

    const dockerfile = read('Dockerfile');
    const dockerEnv = assignments([...dockerfile.matchAll(/^ENV (.+)$/gm)].map((m) => m[1] as string));
    const unit = read('deploy/samverka.service');
    const unitEnv = assignments([...unit.matchAll(/^Environment=(.+)$/gm)].map((m) => m[1] as string));
    for (const [name, value] of Object.entries(env)) {
      expect(dockerEnv.get(name), `Dockerfile ENV ${name}`).toBe(value);
      expect(unitEnv.get(name), `samverka.service Environment ${name}`).toBe(value);
    }
    const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(cmd).toEqual(['node', ...nodeArgs, 'server/dist/main.js']);
    expect(/^ExecStart=(.+)$/m.exec(unit)?.[1]).toBe(['/usr/bin/node', ...nodeArgs, 'server/dist/main.js'].join(' '));

    const serverStart = (JSON.parse(read('server/package.json')) as { scripts: Record<string, string> }).scripts.start;
    const envWords = Object.entries(env).map(([name, value]) => `${name}=${value}`);
    expect(serverStart).toBe([...envWords, 'node', ...nodeArgs, 'dist/main.js'].join(' '));
  });
});
