// Durations on the command line: `24h`, `90m`, `7d`, `30s`, or plain seconds.

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds, or undefined when the text is not a positive duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const seconds = Number(m[1]) * (UNIT_SECONDS[(m[2] ?? '').toLowerCase() || 's'] ?? 1);
  return seconds > 0 ? seconds : undefined;
}
