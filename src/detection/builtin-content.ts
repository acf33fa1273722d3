// Where the bundled content pack is: `content/` at the package root, from source and in the bundle.
import { packagePath } from '../core/index.ts';

export const BUILTIN_CONTENT_DIR = packagePath('content');
