// strftime's week numbers: %V and %G are ISO 8601 (C strftime(3); the Search Reference's "Date
// and time format variables" %G-%V table), %U counts weeks from the first Sunday.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strftime } from '../../../src/spl/value/strftime.ts';

const utc = (iso: string) => Date.parse(`${iso}T12:00:00Z`) / 1000;

test('%V/%G: ISO 8601 weeks start on Monday; week 1 holds the first Thursday', () => {
  const cases: [string, string][] = [
    ['2022-08-14', '2022-32 33'], // a Sunday: the Date and Time functions page's %V example
    ['2022-08-15', '2022-33 33'],
    ['2025-02-02', '2025-05 05'],
    ['2025-02-03', '2025-06 05'],
    ['2021-01-01', '2020-53 00'], // a Friday: the last ISO week of 2020
    ['2024-12-30', '2025-01 52'], // a Monday: ISO week 1 of 2025
  ];
  for (const [day, expected] of cases) {
    assert.equal(strftime(utc(day), '%G-%V %U'), expected, day);
  }
});
