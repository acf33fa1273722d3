// 64 KiB of JSON lines: Sysmon-like process events with a time (none damaged), for reads that
// must stop early (a satisfied `head` over stdin that never ends).
export const PROCESS_LINES_64K = Buffer.from(
  Array.from(
    { length: 600 },
    (_, i) =>
      `{"_time":${1_700_000_000 + i},"EventCode":"1","Image":"C:\\\\w\\\\p${i}.exe","pad":"${'x'.repeat(60)}"}\n`,
  )
    .join('')
    .padEnd(64 * 1024, '\n'),
);
