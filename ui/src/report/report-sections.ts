// The report's sections: the summary by severity level, the timeline of findings, the ATT&CK heat
// map, the risk incidents, and the findings per detection and per host (built when opened, a page
// of rows at a time).

import type {
  ReportData,
  ReportFinding,
  Severity,
} from '../../../src/cli/hunt/html/report-model.ts';
import { el, lazyDetails, svg, table, time } from './dom.ts';

const PAGE = 100;
const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

function levelChip(level: Severity): HTMLElement {
  return el('span', { class: `level ${level}` }, level);
}

export function summarySection(data: ReportData): HTMLElement {
  const rows = data.summary.map((l) => [
    levelChip(l.level),
    String(l.findings),
    String(l.rules),
    `${l.hosts}${l.hostsOverflowed ? '+' : ''}`,
    time(l.firstTime),
    time(l.lastTime),
    l.topRules.join('\n'),
    l.topHosts.join('\n'),
  ]);
  return el(
    'section',
    { id: 'summary' },
    el('h2', {}, 'Findings by severity'),
    table(
      ['level', 'findings', 'rules', 'hosts', 'first', 'last', 'top rules', 'top hosts'],
      rows,
      'summary',
    ),
    data.noisy.length > 0 &&
      el(
        'p',
        { class: 'muted' },
        `Noisy rules, counted only: ${data.noisy.map((n) => `${n.name} (${n.count})`).join(', ')}`,
      ),
  );
}

export function timelineSection(data: ReportData): HTMLElement {
  const timed = data.findings.filter((f): f is ReportFinding & { 1: number } => f[1] !== null);
  const section = el('section', { id: 'timeline' }, el('h2', {}, 'Timeline of findings'));
  if (timed.length === 0) return section;
  let min = Infinity;
  let max = -Infinity;
  for (const f of timed) {
    if (f[1] < min) min = f[1];
    if (f[1] > max) max = f[1];
  }
  const buckets = 120;
  const width = Math.max(1, (max - min) / buckets);
  const counts = ORDER.map(() => new Array<number>(buckets + 1).fill(0));
  for (const f of timed) {
    const level = data.rules[f[0]]?.level ?? 'informational';
    const row = counts[ORDER.indexOf(level)];
    const b = Math.floor((f[1] - min) / width);
    if (row) row[b] = (row[b] ?? 0) + 1;
  }
  const totals = counts[0]?.map((_, b) => counts.reduce((n, row) => n + (row[b] ?? 0), 0)) ?? [];
  const peak = Math.max(1, ...totals);
  const W = 1000;
  const H = 160;
  const bar = W / (buckets + 1);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + 20}`, class: 'timeline', role: 'img' });
  for (let b = 0; b <= buckets; b++) {
    let y = H;
    counts.forEach((row, level) => {
      const n = row[b] ?? 0;
      if (n === 0) return;
      const h = (n / peak) * (H - 10);
      y -= h;
      const rect = svg('rect', {
        x: b * bar,
        y,
        width: Math.max(1, bar - 1),
        height: h,
        class: ORDER[level] ?? '',
      });
      const title = svg('title');
      title.textContent = `${time(min + b * width)}: ${n} ${ORDER[level]}`;
      rect.appendChild(title);
      chart.appendChild(rect);
    });
  }
  for (const [x, anchor, t] of [
    [0, 'start', min],
    [W, 'end', max],
  ] as const) {
    const label = svg('text', { x, y: H + 16, 'text-anchor': anchor });
    label.textContent = time(t);
    chart.appendChild(label);
  }
  section.append(
    chart,
    el(
      'p',
      { class: 'muted' },
      `${timed.length} findings with a time; the tallest bar holds ${peak}`,
    ),
  );
  return section;
}

export function attackSection(data: ReportData): HTMLElement {
  const peak = Math.max(1, ...data.techniques.map((t) => t.findings));
  const columns = data.tactics.map((tactic) => {
    const cells = data.techniques.filter((t) => t.tactics.includes(tactic));
    return el(
      'div',
      { class: 'tactic' },
      el('h3', {}, tactic),
      ...cells.map((t) => {
        const heat = Math.min(
          4,
          Math.max(1, Math.round((4 * Math.log1p(t.findings)) / Math.log1p(peak))),
        );
        return el(
          'div',
          { class: `technique heat${heat}`, title: t.rules.join('\n') },
          el('strong', {}, t.id),
          ' ',
          t.name,
          el('div', { class: 'count' }, `${t.findings} findings, ${t.rules.length} rules`),
        );
      }),
    );
  });
  const unplaced = data.techniques.filter((t) => !t.tactics.some((x) => data.tactics.includes(x)));
  return el(
    'section',
    { id: 'attack' },
    el('h2', {}, 'ATT&CK techniques that fired'),
    el('div', { class: 'matrix' }, ...columns),
    unplaced.length > 0 &&
      el(
        'p',
        { class: 'muted' },
        `Without a known tactic: ${unplaced.map((t) => `${t.id} (${t.findings})`).join(', ')}`,
      ),
  );
}

export function incidentsSection(data: ReportData): HTMLElement {
  return el(
    'section',
    { id: 'incidents' },
    el('h2', {}, `Risk incidents (total over ${data.riskThreshold})`),
    data.incidents.length === 0
      ? el('p', { class: 'muted' }, 'No entity crossed the threshold.')
      : el(
          'div',
          {},
          ...data.incidents.map((i) =>
            lazyDetails(
              [
                el('strong', {}, i.object),
                ` (${i.type}) risk ${i.peak}, ${time(i.start)} to ${time(i.end)}, ${i.contributions.length} risk events`,
              ],
              () =>
                table(
                  ['time', 'score', 'detection', 'message'],
                  i.contributions.map((c) => [
                    time(c[0]),
                    String(c[1]),
                    data.strings[c[2]] ?? '',
                    data.strings[c[3]] ?? '',
                  ]),
                ),
              { class: 'incident' },
            ),
          ),
        ),
  );
}

/** The findings as a table, a page at a time, with a button for the next page. */
function findingsTable(
  data: ReportData,
  findings: readonly ReportFinding[],
  withRule: boolean,
): HTMLElement {
  const container = el('div', { class: 'findings' });
  const body = el('tbody');
  const head = ['time', ...(withRule ? ['detection'] : []), 'host', 'risk', 'fields'];
  container.appendChild(
    el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), body),
  );
  let shown = 0;
  const more = el('button', { type: 'button' });
  const page = () => {
    for (const f of findings.slice(shown, shown + PAGE)) {
      const pairs: HTMLElement[] = [];
      for (let k = 0; k + 1 < f[4].length; k += 2) {
        pairs.push(
          el('dt', {}, data.strings[f[4][k] ?? -1] ?? ''),
          el('dd', {}, data.strings[f[4][k + 1] ?? -1] ?? ''),
        );
      }
      const fields = el('dl', {}, ...pairs);
      body.appendChild(
        el(
          'tr',
          {},
          el('td', {}, time(f[1])),
          withRule && el('td', {}, data.rules[f[0]]?.name ?? ''),
          el('td', {}, data.strings[f[3]] ?? ''),
          el('td', {}, String(f[2])),
          el('td', {}, fields),
        ),
      );
    }
    shown = Math.min(findings.length, shown + PAGE);
    more.textContent = `Show ${Math.min(PAGE, findings.length - shown)} more of ${findings.length - shown}`;
    more.hidden = shown >= findings.length;
  };
  more.addEventListener('click', page);
  page();
  container.appendChild(more);
  return container;
}

export function detectionsSection(
  data: ReportData,
  byRule: readonly ReportFinding[][],
): HTMLElement {
  return el(
    'section',
    { id: 'detections' },
    el('h2', {}, 'Findings per detection'),
    ...data.rules.map((rule, i) =>
      lazyDetails(
        [
          levelChip(rule.level),
          ' ',
          el('strong', {}, rule.name),
          ` [${rule.type}] ${rule.techniques.join(', ')}: ${rule.findings} findings, risk ${rule.risk}`,
          rule.kept < rule.findings ? ` (${rule.kept} kept)` : '',
        ],
        () => findingsTable(data, byRule[i] ?? [], false),
        { class: 'detection', 'data-rule': rule.name },
      ),
    ),
  );
}

export function hostsSection(
  data: ReportData,
  byHost: ReadonlyMap<number, ReportFinding[]>,
): HTMLElement {
  const hosts = [...byHost.entries()].sort((a, b) => b[1].length - a[1].length);
  return el(
    'section',
    { id: 'hosts' },
    el('h2', {}, 'Findings per host'),
    ...hosts.map(([host, findings]) => {
      const rules = new Set(findings.map((f) => f[0]));
      const top =
        ORDER.find((level) => [...rules].some((r) => data.rules[r]?.level === level)) ??
        'informational';
      return lazyDetails(
        [
          levelChip(top),
          ' ',
          el('strong', {}, host < 0 ? '(no host)' : (data.strings[host] ?? '')),
          `: ${findings.length} findings from ${rules.size} detections`,
        ],
        () => findingsTable(data, findings, true),
        { class: 'host' },
      );
    }),
  );
}
