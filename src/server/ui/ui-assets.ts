// The web UI's files, built by esbuild at `npm install`/`npm run build` time (ui/build.ts) into
// dist/ui/ at the package root. They are read once at start and served from memory: nothing is
// fetched at run time, and no request path ever reaches the file system.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UI_ASSETS_DIR } from '../../core/index.ts';

export { UI_ASSETS_DIR };

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

export interface UiAsset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

export class UiAssetsMissingError extends Error {
  constructor(dir: string) {
    super(
      `the web UI is not built (${dir}/index.html is missing): run npm run build:ui (npm install and npm run build do), or start with --no-ui`,
    );
    this.name = 'UiAssetsMissingError';
  }
}

/** Every file of the built UI by its URL path (`/index.html`, `/assets/app.js`). */
export function loadUiAssets(dir: string = UI_ASSETS_DIR): ReadonlyMap<string, UiAsset> {
  if (!existsSync(path.join(dir, 'index.html'))) throw new UiAssetsMissingError(dir);
  const assets = new Map<string, UiAsset>();
  for (const full of files(dir)) {
    const type = TYPES[path.extname(full)];
    if (type === undefined) continue;
    const body = readFileSync(full);
    const urlPath = `/${path.relative(dir, full).split(path.sep).join('/')}`;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(urlPath, { body, type, etag });
  }
  return assets;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return entry.isFile() ? [full] : [];
  });
}
