// Worker threads do not take tsx's `--import` on Node 20: the worker registers it, then loads the
// TypeScript worker (scripts/fuzz-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');
