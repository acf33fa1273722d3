// The eval functions added for the Search Reference 10.0 families: trig, bitwise, statistical,
// conversion, informational, multivalue, text, network, JSON, lookup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSpl } from '../operators/run-spl.ts';
import { evalError, evalText } from './eval-text.ts';

test('trig and hyperbolic functions keep the precision of their argument', () => {
  assert.equal(evalText('atan(0.50)'), '0.46');
  assert.equal(evalText('round(acos(0), 4)'), 1.5708);
  assert.equal(evalText('atan2(0.50, 0.75)'), '0.59');
  assert.equal(evalText('hypot(3, 4)'), 5);
  assert.equal(evalText('cosh(0)'), 1);
});

test('bitwise functions work on integers', () => {
  assert.equal(evalText('bit_and(12, 10)'), 8);
  assert.equal(evalText('bit_or(12, 10)'), 14);
  assert.equal(evalText('bit_xor(12, 10)'), 6);
  assert.equal(evalText('bit_shift_left(1, 4)'), 16);
  assert.equal(evalText('bit_shift_right(16, 2)'), 4);
});

test('sum and avg add numbers, fields and multivalues; a quoted string is refused', () => {
  assert.equal(evalText('sum(1, 2, 3)'), 6);
  assert.equal(evalText('avg(1, 2, 6)'), 3);
  assert.equal(evalText('avg(v, 4)', { v: ['2', '6'] }), 4);
  assert.equal(evalError('sum(1, "two")').code, 'SPL304');
});

test('sigfig rounds to the significant figures of the expression', () => {
  // The page: 1.00*1111 = 1111, but sigfig(1.00*1111) returns 1110.
  assert.equal(evalText('1.00 * 1111'), 1111);
  assert.equal(evalText('sigfig(1.00 * 1111)'), 1110);
  assert.equal(evalText('sigfig(8.250 * 0.20)'), 1.7);
});

test('tobool, todouble, toint convert by the documented rules', () => {
  assert.equal(evalText('if(tobool("true"), "y", "n")'), 'y');
  assert.equal(evalText('todouble(5)'), '5.0');
  assert.equal(evalText('toint(3.14)'), 3);
  assert.equal(evalText('toint("abc")'), undefined);
});

test('tostring binary; tonumber of a quoted non-number is a compile error', () => {
  assert.equal(evalText('tostring(5, "binary")'), '101');
  assert.equal(evalError('tonumber("abc")').code, 'SPL304');
  assert.equal(evalText('tonumber(x)', { x: 'abc' }), undefined);
});

test('ipmask keeps the network part of an IPv4 address', () => {
  assert.equal(evalText('ipmask("255.255.255.0", "192.168.1.23")'), '192.168.1.0');
  assert.equal(evalText('ipmask("255.255.0.0", ip)', { ip: '10.20.30.40' }), '10.20.0.0');
});

test('informational: isarray, isobject, isdouble, ismv', () => {
  assert.equal(evalText('if(isarray(json_array(1, 2)), "y", "n")'), 'y');
  assert.equal(evalText('if(isobject(json_object("a", 1)), "y", "n")'), 'y');
  assert.equal(evalText('if(isdouble(1.5), "y", "n")'), 'y');
  assert.equal(evalText('if(isdouble(2), "y", "n")'), 'n');
  assert.equal(evalText('if(ismv(split("a,b", ",")), "y", "n")'), 'y');
});

test('mvreverse, commands, mvrange with a time-span step', () => {
  assert.deepEqual(evalText('mvreverse(split("a,b,c", ","))'), ['c', 'b', 'a']);
  assert.deepEqual(evalText('commands("search foo | stats count | sort count")'), [
    'search',
    'stats',
    'sort',
  ]);
  // 2018-01-01T00:00:00Z to 2018-01-22, every 7 days: the end is exclusive.
  assert.deepEqual(
    evalText('mvrange(1514764800, 1516579200, "7d")'),
    [1514764800, 1515369600, 1515974400],
  );
});

test('strftime subsecond digits are cut from the written decimals', () => {
  assert.equal(evalText('strftime(1700000000.123456, "%3N|%6N|%9N")'), '123|123456|123456000');
});

test('length is len; spath() reads a JSON or XML path out of text, {N} 1-based', () => {
  assert.equal(evalText('length("abc")'), 3);
  assert.equal(evalText('spath(j, "a.b{2}")', { j: '{"a":{"b":[10,20]}}' }), 20);
});

test('JSON functions build and read compact JSON text', () => {
  assert.equal(evalText('json_object("a", 1, "b", "x")'), '{"a":1,"b":"x"}');
  assert.equal(evalText('json_extract(json_object("a", json_array(1, 2)), "a{0}")'), 1);
  assert.equal(evalText('json_set(j, "a", 2)', { j: '{"a":1}' }), '{"a":2}');
  assert.equal(evalText('json_delete(j, "a")', { j: '{"a":1,"b":2}' }), '{"b":2}');
  assert.deepEqual(evalText('json_array_to_mv(j)', { j: '["x","y"]' }), ['x', 'y']);
  assert.equal(evalText('if(json_valid("{"), "y", "n")'), 'n');
});

test('eval {field}=value names the field by the value of another', () => {
  const rows = runSpl('* | eval {name}=value', [{ name: 'color', value: 'red' }]);
  assert.equal(rows[0]?.['color'], 'red');
});
