// The HTML hunt report's page script: reads the embedded JSON and draws the sections. Everything
// is built with DOM calls and text nodes; the page's CSP allows this script and style only.

import type { ReportData, ReportFinding } from '../../../src/cli/hunt/html/report-model.ts';
import { el } from './dom.ts';
import {
  attackSection,
  detectionsSection,
  hostsSection,
  incidentsSection,
  summarySection,
  timelineSection,
} from './report-sections.ts';

function draw(data: ReportData): void {
  const started = performance.now();
  const byRule: ReportFinding[][] = data.rules.map(() => []);
  const byHost = new Map<number, ReportFinding[]>();
  for (const f of data.findings) {
    byRule[f[0]]?.push(f);
    const list = byHost.get(f[3]);
    if (list) list.push(f);
    else byHost.set(f[3], [f]);
  }
  const total = data.rules.reduce((n, r) => n + r.findings, 0);
  const root = el(
    'div',
    { id: 'report' },
    el('h1', {}, data.title),
    el(
      'p',
      { class: 'muted' },
      `Generated ${data.generated} from ${data.inputs.join(', ')}: ${data.events} events read in ${data.elapsedSeconds} s; ${data.ran.spl} SPL detections and ${data.ran.sigma} Sigma rules ran, ${data.ran.quiet} found nothing; ${total} findings.`,
    ),
    el(
      'nav',
      {},
      ...[
        ['summary', 'Summary'],
        ['timeline', 'Timeline'],
        ['attack', 'ATT&CK'],
        ['incidents', 'Incidents'],
        ['detections', 'Detections'],
        ['hosts', 'Hosts'],
      ].map(([id, label]) => el('a', { href: `#${id}` }, label ?? '')),
    ),
    summarySection(data),
    timelineSection(data),
    attackSection(data),
    incidentsSection(data),
    detectionsSection(data, byRule),
    hostsSection(data, byHost),
  );
  document.body.appendChild(root);
  requestAnimationFrame(() => {
    document.body.dataset['drawnMs'] = String(Math.round(performance.now() - started));
    document.body.dataset['ready'] = 'true';
  });
}

const source = document.getElementById('report-data');
if (source?.textContent) draw(JSON.parse(source.textContent) as ReportData);
