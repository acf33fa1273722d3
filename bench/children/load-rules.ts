// Bench child: prepares a hunt (the built-in pack, and the Sigma rules given) and reports how long
// that took in this fresh process, wall and CPU; with no rules it is the floor of rule loading.
// argv: Sigma rule folders...
import { prepareHunt } from '../../src/engine/hunt/prepare-hunt.ts';

const sigma = process.argv.slice(2);
const cpu = process.cpuUsage();
const started = performance.now();
const setup = prepareHunt({ content: [], sigma, only: [] });
const loadMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const loadCpuMs = (used.user + used.system) / 1000;
console.log(JSON.stringify({ loadMs, loadCpuMs, rules: setup.sigma?.rules.length ?? 0 }));
