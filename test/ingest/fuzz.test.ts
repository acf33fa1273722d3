// Damaged input must never crash, hang or lose the records before the damage: cuts and
// pathological shapes here; seeded mutation fuzzing of every reader is in test/fuzz/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event } from '../../src/core/event.ts';
import { openInputs } from '../../src/ingest/open-inputs.ts';
import type { IngestProblem } from '../../src/ingest/read-options.ts';
import { chunksOf } from './helpers/read-text.ts';
import { eventXml, IMAGE_LOAD, PROCESS_CREATE } from './helpers/windows-xml.ts';

const SAMPLES: readonly (readonly [string, string])[] = [
  [
    'xml lines',
    Array.from({ length: 6 }, (_, i) => eventXml(i % 2 ? PROCESS_CREATE : IMAGE_LOAD)).join('\n'),
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
];

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

test('truncating a line-per-record file keeps every complete record before the cut', async () => {
  for (const [name, sample] of SAMPLES) {
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
