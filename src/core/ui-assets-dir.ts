// Where the web UI's built files are (dist/ui/ at the package root): in core, so that the CLI's
// HTML report finds them without importing the server (and DuckDB) into every command.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/core/ and dist/core/ both sit two levels below the package root. */
export const UI_ASSETS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'dist',
  'ui',
);
