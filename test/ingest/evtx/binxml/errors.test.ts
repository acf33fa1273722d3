// Damaged BinXML: the record is skipped with a message naming the field and file offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TemplateSpec } from '../writer/chunk-writer.ts';
import { T, v } from '../writer/values.ts';
import { decodeOne } from './record-helper.ts';

function problemOf(body: Parameters<typeof decodeOne>[0]): {
  code: string;
  location: string;
  message: string;
} {
  const { record, problems } = decodeOne(body);
  assert.equal(record, undefined, 'the record should have been skipped');
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const [problem] = problems;
  assert.equal(problem?.kind, 'skipped');
  return {
    code: problem?.code ?? '',
    location: problem?.location ?? '',
    message: problem?.message ?? '',
  };
}

test('a substitution index beyond the instance values', () => {
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-0000000000e1}',
    root: { el: 'D', children: [{ sub: 3, type: T.string }] },
  };
  const problem = problemOf({ template, values: [v.string('only one')] });
  assert.equal(problem.code, 'EVTX302');
  // The record is the chunk's first, at file offset 0x1000 + 0x200.
  assert.equal(problem.location, 'chunk 0 @0x1000, record 7 @0x1200');
  assert.match(
    problem.message,
    /^record 7 skipped: substitution index at byte 0x[0-9a-f]+: 3 but the instance has 1 value\(s\)$/,
  );
});

test('an unknown token', () => {
  const problem = problemOf({ raw: Uint8Array.from([0x0f, 0x01, 0x01, 0x00, 0x1f, 0x00]) });
  assert.match(problem.message, /BinXML token at byte 0x121c: unknown token 0x1f/);
});

test('BinXML cut off inside an element', () => {
  const problem = problemOf({ raw: Uint8Array.from([0x0f, 0x01, 0x01, 0x00, 0x01, 0, 0, 0, 0]) });
  assert.match(problem.message, /element name at byte 0x1221: needs 4 byte\(s\) but only 0 remain/);
});

test('a name offset pointing outside the chunk', () => {
  const problem = problemOf({
    raw: Uint8Array.from([0x0f, 1, 1, 0, 0x01, 0, 0, 0, 0, 0xf0, 0xff, 0x01, 0, 0x02, 0x04, 0x00]),
  });
  assert.match(
    problem.message,
    /element name \(name length\) at byte 0x20ff6: needs 2 byte\(s\) but only 0 remain/,
  );
});

test('a BinXML value inside an attribute', () => {
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-0000000000e2}',
    root: { el: 'D', attrs: [['A', [{ sub: 0, type: T.binXml }]]] },
  };
  const problem = problemOf({ template, values: [v.binXml(Uint8Array.from([0x0f, 1, 1, 0, 0]))] });
  assert.match(problem.message, /BinXML value inside an attribute/);
});

test('elements nested deeper than the limit', () => {
  type Nested = { el: string; children?: Nested[] };
  let node: Nested = { el: 'x' };
  for (let i = 0; i < 200; i++) node = { el: 'x', children: [node] };
  const problem = problemOf({ document: [node] });
  assert.equal(problem.code, 'EVTX303');
  assert.match(problem.message, /nesting deeper than 128 elements/);
});

test('BinXML values nested deeper than the limit', () => {
  // Each level is a fragment holding a template instance whose only value is the next level.
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-0000000000e3}',
    root: { el: 'N', children: [{ sub: 0, type: T.binXml }] },
  };
  const problem = problemOf((chunk) => {
    const level = (depth: number): Parameters<typeof chunk.templateInstance>[2][number] =>
      depth === 0
        ? v.null()
        : {
            type: T.binXml,
            build: (w) => {
              w.fragmentHeader();
              chunk.templateInstance(w, template, [level(depth - 1)]);
              w.eof();
            },
          };
    return { template, values: [level(40)] };
  });
  assert.equal(problem.code, 'EVTX303');
  assert.match(problem.message, /nested deeper than 16/);
});

test('array expansion multiplied through nested values stops at the node budget', () => {
  const template: TemplateSpec = {
    guid: '{00000000-0000-0000-0000-0000000000e4}',
    root: {
      el: 'R',
      children: [
        {
          el: 'I',
          children: [
            { sub: 0, type: T.string | T.array },
            { sub: 1, type: T.binXml },
          ],
        },
      ],
    },
  };
  const items = Array.from({ length: 150 }, () => 'x');
  const problem = problemOf((chunk) => {
    const level = (depth: number): Parameters<typeof chunk.templateInstance>[2][number] =>
      depth === 0
        ? v.null()
        : {
            type: T.binXml,
            build: (w) => {
              w.fragmentHeader();
              chunk.templateInstance(w, template, [v.stringArray(items), level(depth - 1)]);
              w.eof();
            },
          };
    return { template, values: [v.stringArray(items), level(3)] };
  });
  assert.equal(problem.code, 'EVTX303');
  assert.match(problem.message, /expands to too many XML nodes/);
});

test('a record whose BinXML holds no element', () => {
  const problem = problemOf({ raw: Uint8Array.from([0x0f, 0x01, 0x01, 0x00, 0x00]) });
  assert.match(problem.message, /record BinXML at byte 0x1218: holds no element/);
});
