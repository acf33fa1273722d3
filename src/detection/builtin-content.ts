// Where the bundled content pack is: `content/` at the package root, in the repository and in dist/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/detection/ and dist/detection/ both sit two levels below the package root. */
export const BUILTIN_CONTENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'content',
);
