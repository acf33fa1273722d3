// Durations (`90d`, `12h`, `30m`, `45s` or seconds) and sizes (`10GB`, `512MB`, `64KB` or bytes)
// as the config file writes them.
import { z } from 'zod';

const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)?$/i;
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?$/i;
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const BYTES: Record<string, number> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
};

export const durationSchema = z
  .union([z.number().positive(), z.string()])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const m = DURATION.exec(value.trim());
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a duration such as 90d, 12h, 30m or 45s`,
      });
      return z.NEVER;
    }
    return Number(m[1]) * (SECONDS[(m[2] ?? 's').toLowerCase()] ?? 1);
  });

export const sizeSchema = z.union([z.number().positive(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const m = SIZE.exec(value.trim());
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a size such as 10GB, 512MB or 64KB`,
    });
    return z.NEVER;
  }
  return Math.round(Number(m[1]) * (BYTES[(m[2] ?? 'b').toLowerCase()] ?? 1));
});
