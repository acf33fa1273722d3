// SPL 10 array and object literals in eval: parsed with spans, printed back, evaluated to the
// compact JSON text the JSON functions read (Search Manual, "Array and object literals in
// expressions"; Search Reference, JSON functions, json_delete).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EvalCommand } from '../../../src/spl/ast/command.ts';
import type { ArrayLiteral, ObjectLiteral } from '../../../src/spl/ast/expr.ts';
import { printPipeline } from '../../../src/spl/ast/print.ts';
import { parsePipeline } from '../../../src/spl/parser/parse-pipeline.ts';
import { firstError, parseOk } from '../parser/parse-helpers.ts';
import { evalText } from './eval-text.ts';

describe('parsing', () => {
  test('every literal, member key and value carries its span', () => {
    const text = '| eval o = {a: [1, x], \'b c\': "v"}';
    const [command] = parseOk(text) as [EvalCommand];
    const object = command.assignments[0]?.expr as ObjectLiteral;
    assert.equal(object.kind, 'Object');
    assert.equal(text.slice(object.span.start, object.span.end), '{a: [1, x], \'b c\': "v"}');
    const [a, bc] = object.members;
    assert.equal(a?.key, 'a');
    assert.equal(bc?.key, 'b c');
    assert.equal(text.slice(bc?.keySpan.start, bc?.keySpan.end), "'b c'");
    const array = a?.value as ArrayLiteral;
    assert.equal(text.slice(array.span.start, array.span.end), '[1, x]');
    assert.equal(array.elements.length, 2);
  });
  test('print(parse(q)) keeps keys as written; trailing commas are accepted', () => {
    const parsed = parsePipeline('| eval o={"a":1, b:[1,2,], \'c\':{},}');
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(printPipeline(parsed.pipeline), '| eval o={"a": 1, b: [1, 2], \'c\': {}}');
  });
  test('malformed literals are located errors', () => {
    assert.deepEqual(firstError('| eval o={a 1}'), ['SPL010', '1']);
    assert.deepEqual(firstError('| eval o=[1 2]'), ['SPL010', '2']);
    assert.deepEqual(firstError('| eval o={1: 2}'), ['SPL010', '1']);
    assert.deepEqual(firstError('| eval o={a: 1'), ['SPL011', '']);
    assert.deepEqual(firstError('| eval o=[| makeresults]'), ['SPL010', '|']);
    assert.equal(firstError(`| eval o=${'['.repeat(300)}${']'.repeat(300)}`)[0], 'SPL012');
  });
});

describe('values', () => {
  test('the Search Manual examples: strings, numbers, expressions, nesting', () => {
    assert.equal(evalText('["Hello", "Howdy"]'), '["Hello","Howdy"]');
    assert.equal(evalText('[[1,2,3], a+2]', { a: '10' }), '[[1,2,3],12]');
    assert.equal(
      evalText('{a:"hello", b:[1,2], c:x+1, }', { x: '1' }),
      '{"a":"hello","b":[1,2],"c":2}',
    );
    for (const key of ['greeting', "'greeting'", '"greeting"']) {
      assert.equal(evalText(`{ ${key}: "hello" }`), '{"greeting":"hello"}');
    }
  });
  test('true, false and null are JSON constants inside a literal; a string stays a string', () => {
    assert.equal(
      evalText('{"ok": true, "no": false, "none": null, "s": "5", "n": 5}'),
      '{"ok":true,"no":false,"none":null,"s":"5","n":5}',
    );
    assert.equal(evalText('[missing_field]'), '[null]');
    assert.equal(evalText('[]'), '[]');
    assert.equal(evalText('{}'), '{}');
  });
  test('the JSON functions take literals (json_delete on the JSON functions page)', () => {
    assert.equal(
      evalText(
        'json_delete({"name":"Wei Zhang", "SSN":"123-45-6789", "city":"Seattle", "accounts":["Hagal Quartz", "Caladan Water"]}, "SSN", "accounts")',
      ),
      '{"name":"Wei Zhang","city":"Seattle"}',
    );
    assert.equal(evalText('json_extract({"a": {"b": [1, 2]}}, "a.b{1}")'), 2);
    assert.equal(evalText('json_keys({"a": 1, "b": 2})'), '["a","b"]');
    assert.equal(evalText('json_array_to_mv(["x", "y"])')?.toString(), 'x,y');
    assert.equal(evalText('if(isarray([1]) AND isobject({}), "y", "n")'), 'y');
  });
  test('a literal that reads a field is evaluated per event', () => {
    assert.equal(evalText('{user: u, n: len(u)}', { u: 'alice' }), '{"user":"alice","n":5}');
  });
});
