import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; fonts, images and archives are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|wasm)$/;
/**
 * Brotli's top quality (11) costs ~7x the time of 9 for ~7 % fewer bytes: the 1.2 MB canvas chunk
 * alone took half a minute on two cores. Files up to this size (everything the sign-in page loads)
 * get 11, larger ones 9.
 */
const MAX_QUALITY_UP_TO_BYTES = 512 * 1024;

/**
 * Writes `file.br` and `file.gz` next to every compressible file of the build, at the highest
 * levels that pay (done once here, so the server never compresses per request). The server picks one by
 * the request's Accept-Encoding (server/src/http/staticClient.ts). A variant that would not be
 * smaller than the file is not written.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'samverka-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map((name) => compressOne(path.join(outDir, name))));
    },
  };
}

async function compressOne(file: string): Promise<void> {
  const raw = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]:
          raw.length <= MAX_QUALITY_UP_TO_BYTES ? zlib.constants.BROTLI_MAX_QUALITY : 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < raw.length) await fs.writeFile(`${file}.br`, br);
  if (gz.length < raw.length) await fs.writeFile(`${file}.gz`, gz);
}
