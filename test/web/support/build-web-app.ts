import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const viteConfig = fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url));

/** Builds the web app into a fresh temporary folder (about a second) and returns the folder. */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'textback-web-'));
  await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
