// Bounded mutation fuzzing of every reader: damaged input must never crash, hang or lose the
// records before the damage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import { mulberry32 as random } from '../../src/core/seeded-random.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { chunksOf } from './helpers/read-text.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from './helpers/windows-xml.ts';

const evtxDump = JSON.stringify(
  {
    Event: {
      System: {
        Provider: { '#attributes': { Name: 'P' } },
        EventID: 1,
        TimeCreated: { '#attributes': { SystemTime: '2024-03-01T10:00:00Z' } },
        Channel: 'C',
      },
      EventData: { A: 'x', B: null, Data: { '#text': ['1', '2'] } },
    },
  },
  null,
  2,
);

const SAMPLES: readonly (readonly [string, string])[] = [
  [
    'xml lines',
    Array.from({ length: 6 }, (_, i) => eventXml(i % 2 ? PROCESS_CREATE : IMAGE_LOAD)).join('\n'),
  ],
  [
    'xml pretty',
    `<?xml version="1.0"?>\n<Events>\n${eventXml(PROCESS_CREATE, 'pretty')}\n${eventXml(IMAGE_LOAD, 'pretty')}\n</Events>\n`,
  ],
  [
    'jsonl',
    Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({
        EventID: i,
        Channel: 'Security',
        Hostname: 'h',
        '@timestamp': '2024-03-01T10:00:00Z',
        CommandLine: 'a "b" \\c',
      }),
    ).join('\n'),
  ],
  ['evtx_dump stream', `${evtxDump}\n${evtxDump}\n${evtxDump}`],
  [
    'csv',
    '_time,EventID,Channel,CommandLine\n1709287200,1,Security,"a ""b"", c"\n1709287201,2,Security,plain\n1709287202,3,Security,"x\ny"\n',
  ],
];

const NASTY = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '\n',
  '\r',
  '\0',
  ',',
  '\\',
  '<!DOCTYPE a>',
  '<![CDATA[',
  '&#',
  '\u00ff',
  '\ud800',
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  let out = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = next();
    if (kind < 0.25) out = out.slice(0, at);
    else if (kind < 0.5) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
    else if (kind < 0.8) out = out.slice(0, at) + pick(NASTY) + out.slice(at);
    else out = out.slice(0, at) + out.slice(Math.floor(next() * out.length));
  }
  return out;
}

async function read(content: Uint8Array, chunkSize: number) {
  const problems: IngestProblem[] = [];
  const inputs = await openInputs(['-'], {
    stdin: chunksOf(content, chunkSize),
    onProblem: (p) => problems.push(p),
  });
  const events: Event[] = [];
  for await (const batch of inputs.source) events.push(...batch);
  return { events, problems };
}

test('mutated inputs of every format: no crash, well-formed events, located problems', async () => {
  const started = performance.now();
  let runs = 0;
  for (const [name, sample] of SAMPLES) {
    for (let seed = 1; seed <= 120; seed++) {
      const next = random(seed * 7919 + name.length);
      const mutated = mutate(sample, next);
      const bytes = next() < 0.1 ? Buffer.from(mutated, 'latin1') : Buffer.from(mutated, 'utf8');
      const { events, problems } = await read(bytes, 1 + Math.floor(next() * 300));
      runs++;
      for (const event of events) {
        assert.equal(typeof event['_time'], 'number', `${name} seed ${seed}`);
        assert.ok(Number.isFinite(event['_time'] as number), `${name} seed ${seed}`);
        for (const field of ['index', 'host', 'source', 'sourcetype']) {
          assert.equal(typeof event[field], 'string', `${name} seed ${seed}: ${field}`);
        }
      }
      for (const problem of problems) {
        assert.match(problem.code ?? '', /^ING\d{3}$/, `${name} seed ${seed}`);
        assert.equal(problem.path, '-');
      }
    }
  }
  assert.equal(runs, SAMPLES.length * 120);
  assert.ok(performance.now() - started < 60_000);
});

test('truncating a line-per-record file keeps every complete record before the cut', async () => {
  for (const [name, sample] of SAMPLES.filter(([n]) => n === 'xml lines' || n === 'jsonl')) {
    const lines = sample.split('\n');
    for (let cut = 0; cut < sample.length; cut += 97) {
      const complete = sample.slice(0, cut).split('\n').length - 1;
      const { events } = await read(Buffer.from(sample.slice(0, cut)), 64);
      assert.ok(
        events.length >= complete && events.length <= lines.length,
        `${name} cut at ${cut}`,
      );
    }
  }
});

test('pathological shapes finish quickly and keep the good records around them', async () => {
  const cases: readonly (readonly [string, number])[] = [
    [
      `<Event><System><Channel>C</Channel></System><EventData>${'<Data>x</Data>'.repeat(50_000)}</EventData></Event>`,
      1,
    ],
    [`<Event${' a="1"'.repeat(10)}><System>${'<'.repeat(100_000)}`, 0],
    [`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`, 0],
    [`{"a":"${'\\\\'.repeat(200_000)}"}\n`, 1],
    [`${'{'.repeat(300_000)}`, 0],
    [`${'x'.repeat(3_000_000)}`, 0],
    [`{"Long":"${'y'.repeat(6_000_000)}","Channel":"C"}\n{"Channel":"C"}\n`, 2],
    [`<Events>${' text'.repeat(1_200_000)}${eventXml(PROCESS_CREATE)}</Events>`, 1],
    [`<Events>\n${'t\n'.repeat(1_000_000)}${eventXml(PROCESS_CREATE)}</Events>`, 1],
  ];
  for (const [content, expected] of cases) {
    const started = performance.now();
    const { events } = await read(Buffer.from(content), 65_536);
    assert.equal(events.length, expected, content.slice(0, 30));
    assert.ok(performance.now() - started < 10_000, content.slice(0, 30));
  }
});
