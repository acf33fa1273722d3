// Bench child: prepares a hunt (the built-in pack, and the Sigma rules given) and reports how long
// that took in this fresh process; with no rules it is the floor of rule loading.
// argv: Sigma rule folders...
import { prepareHunt } from '../../src/engine/hunt/prepare-hunt.ts';

const sigma = process.argv.slice(2);
const started = performance.now();
const setup = prepareHunt({ content: [], sigma, only: [] });
const loadMs = performance.now() - started;
console.log(JSON.stringify({ loadMs, rules: setup.sigma?.rules.length ?? 0 }));
