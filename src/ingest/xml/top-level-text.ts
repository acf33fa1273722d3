// Text lines tolerated between <Event> records: whitespace and the banners of known exporters.

const TOLERATED: readonly RegExp[] = [
  // libevtx `evtxexport -f xml` prints its name and version first: `evtxexport 20181227`.
  /^evtxexport \d+$/,
  // Rust `evtx_dump` (XML and JSON output) prints `Record 12` before each record.
  /^Record \d+$/,
];

export function isToleratedTopLevelLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length === 0 || TOLERATED.some((pattern) => pattern.test(trimmed));
}
