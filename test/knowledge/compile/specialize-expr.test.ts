// Specialising calculated fields to a known EventCode: dead case()/if() branches go, values stay the same.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { specializeExpr } from '../../../src/knowledge/compile/specialize-expr.ts';
import { printExpr } from '../../../src/spl/ast/print/print-expr.ts';
import { Cursor } from '../../../src/spl/parser/cursor.ts';
import { parseExpression } from '../../../src/spl/parser/expression.ts';

const parse = (text: string) =>
  parseExpression(
    new Cursor(text, 0, text.length, {
      parseNested: () => {
        throw new Error('no subsearch');
      },
    }),
  );
const specialized = (text: string, code: string) =>
  printExpr(specializeExpr(parse(text), new Map([['EventCode', code]])));

describe('specializeExpr', () => {
  const cases: [string, string, string][] = [
    ['case(EventCode==1, a, EventCode IN (8, 10), b, true(), c)', '10', 'b'],
    ['case(EventCode==1, a, EventCode IN (8, 10), b, true(), c)', '7', 'c'],
    ['case(EventCode==1, a, EventCode==3, b)', '7', 'null()'],
    [
      'case(EventCode==1, a, x==2, b, EventCode==7, c, EventCode==9, d)',
      '7',
      'case(x == 2, b, "7" == 7, c)',
    ],
    ['if(EventCode=="13", upper(x), lower(x))', '13', 'upper(x)'],
    ['if(EventCode=="13", upper(x), lower(x))', '12', 'lower(x)'],
    ['EventCode . "/" . x', '4', '"4" . "/" . x'],
    [
      'case(EventCode==12 AND EventType=="DeleteKey", "d", EventCode==13, "m")',
      '12',
      'case("12" == 12 AND EventType == "DeleteKey", "d")',
    ],
  ];
  for (const [text, code, expected] of cases) {
    test(`${text} with EventCode=${code}`, () => {
      assert.equal(specialized(text, code), expected);
    });
  }
});
