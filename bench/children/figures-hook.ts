// Preloaded (`node --import`) into every process bench `sigma-hunt` starts: at exit it writes the
// process's CPU time (every thread) and its own peak RSS to $BENCH_FIGURES. VmHWM, not
// `process.resourceUsage().maxRSS`, which Linux carries over from the parent through the exec.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env['BENCH_FIGURES'];

function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
}

if (out !== undefined) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    writeFileSync(
      out,
      JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peakRssMb() }),
    );
  });
}
