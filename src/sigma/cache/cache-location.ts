// Where compiled rule sets are cached: `$SPELUNK_CACHE_DIR`, else the user's cache directory
// (`$XDG_CACHE_HOME/spelunk`, `~/.cache/spelunk`). Everything there is safe to delete.
import os from 'node:os';
import path from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env['SPELUNK_CACHE_DIR'];
  if (own !== undefined && own !== '') return own;
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && xdg !== '' ? xdg : path.join(os.homedir(), '.cache');
  return path.join(base, 'spelunk');
}
