// printf: every conversion and flag of the Search Reference ("Conversion functions"), with C's rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evalError, evalText } from './eval-text.ts';

describe('printf as the Search Reference documents it', () => {
  const cases: [string, string][] = [
    ['printf("%.3A",pi())', '0X1.922P+1'],
    ['printf("%c,%c",65,"Foo")', 'A,F'],
    ['printf("%d,%i,%d",-2,+4,30)', '-2,4,30'],
    ['printf("%.2e",5139)', '5.14e+03'],
    ['printf("%.2f",pi())', '3.14'],
    ['printf("%.2g,%.2g",pi(),123)', '3.1,1.2e+02'],
    ['printf("%o",255)', '377'],
    ['printf("%s%z", "foo", "bar")', 'foobar'],
    ['printf("%u",99)', '99'],
    ['printf("%x,%X,%p",10,10,10)', 'a,A,A'],
    ['printf("100%%")', '100%'],
    ['printf("%\'d",12345)', '12,345'],
    ['printf("%-4d",1)', '1   '],
    ['printf("%04d",1)', '0001'],
    ['printf("%+4d",1)', '  +1'],
    ['printf("% -4d",1)', ' 1  '],
    ['printf("%#x", 1)', '0x1'],
    ['printf("%*d", 5, 123)', '  123'],
    ['printf("%.*f", 1, 1.23)', '1.2'],
    ['printf("%*.*e", 9, 2, pi())', ' 3.14e+00'],
  ];
  for (const [expression, expected] of cases) {
    test(expression, () => assert.equal(evalText(expression), expected));
  }
});

describe("C's rules where the page defers to sprintf", () => {
  const cases: [string, string][] = [
    ['printf("%a", 1)', '0x1p+0'],
    ['printf("%a", 0.5)', '0x1p-1'],
    ['printf("%A", 255.5)', '0X1.FFP+7'],
    ['printf("%.0a", 1.5)', '0x2p+0'],
    ['printf("%a", 0)', '0x0p+0'],
    ['printf("%#o", 8)', '010'],
    ['printf("%.0d", 0)', ''],
    ['printf("%.3d", 7)', '007'],
    ['printf("%05.3d", 7)', '  007'],
    ['printf("%+.1f", 2.25)', '+2.2'],
    ['printf("%#.0f", 3)', '3.'],
    ['printf("%g", 100000)', '100000'],
    ['printf("%g", 1000000)', '1e+06'],
    ['printf("%g", 0.0001)', '0.0001'],
    ['printf("%g", 0.00001)', '1e-05'],
    ['printf("%#g", 1.5)', '1.50000'],
    ['printf("%G", 0.000012345)', '1.2345E-05'],
    ['printf("%\'.2f", 1234567.891)', '1,234,567.89'],
    ['printf("%08.2f", -3.14159)', '-0003.14'],
    ['printf("%x", -1)', 'ffffffffffffffff'],
    ['printf("%u", -1)', '18446744073709551615'],
    ['printf("%c", 9731)', '☃'],
    ['printf("%.2s", "abc")', 'ab'],
    ['printf("%5s|%-5s|", "ab", "cd")', '   ab|cd   |'],
    ['printf("%d", 3.99)', '3'],
    ['printf("%e", 0)', '0.000000e+00'],
    ['printf("%5.1f%%", 99.44)', ' 99.4%'],
    ['printf("%q")', '%q'],
  ];
  for (const [expression, expected] of cases) {
    test(expression, () => assert.equal(evalText(expression), expected));
  }

  test('the specifiers the page lists as unsupported are refused in a constant format', () => {
    for (const format of ['%n', '%C', '%S', '%1$d']) {
      const error = evalError(`printf("${format}", 1)`);
      assert.equal(error.code, 'SPL304');
      assert.match(error.message, /not supported/);
    }
  });

  test('a format from a field is read per event', () => {
    assert.equal(evalText('printf(f, 42)', { f: '[%5d]' }), '[   42]');
  });
});
