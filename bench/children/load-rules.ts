// Bench child: opens the workspace of a hunt (the built-in pack, and the Sigma rules given) and
// reports how long that took in this fresh process, wall and CPU; with no rules it is the floor
// of rule loading. argv: Sigma rule folders...
import { BUILTIN_CONTENT_DIR } from '../../src/detection/index.ts';
import { openWorkspace } from '../../src/engine/index.ts';

const sigma = process.argv.slice(2);
const cpu = process.cpuUsage();
const started = performance.now();
const workspace = openWorkspace({ content: [BUILTIN_CONTENT_DIR], sigma });
const loadMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const loadCpuMs = (used.user + used.system) / 1000;
console.log(JSON.stringify({ loadMs, loadCpuMs, rules: workspace.sigma?.rules.length ?? 0 }));
