// Splunk's time range presets and a custom range in its time syntax (`-7d@d`, `@w1`, epoch
// seconds, `05/01/2024:00:00:00`); the server resolves them, and says so when one is wrong.
import { useState } from 'preact/hooks';
import type { TimeRange } from '../api.ts';

export const TIME_PRESETS: readonly { label: string; earliest: string; latest: string }[] = [
  { label: 'Last 15 minutes', earliest: '-15m', latest: 'now' },
  { label: 'Last 60 minutes', earliest: '-60m@m', latest: 'now' },
  { label: 'Last 4 hours', earliest: '-4h@m', latest: 'now' },
  { label: 'Last 24 hours', earliest: '-24h@h', latest: 'now' },
  { label: 'Last 7 days', earliest: '-7d@h', latest: 'now' },
  { label: 'Last 30 days', earliest: '-30d@d', latest: 'now' },
  { label: 'Today', earliest: '@d', latest: 'now' },
  { label: 'Yesterday', earliest: '-1d@d', latest: '@d' },
  { label: 'Week to date', earliest: '@w0', latest: 'now' },
  { label: 'Previous week', earliest: '-7d@w0', latest: '@w0' },
  { label: 'Month to date', earliest: '@mon', latest: 'now' },
  { label: 'Year to date', earliest: '@y', latest: 'now' },
  { label: 'Previous year', earliest: '-1y@y', latest: '@y' },
  { label: 'All time', earliest: '', latest: '' },
];

export function rangeLabel(range: TimeRange): string {
  const preset = TIME_PRESETS.find(
    (p) => p.earliest === range.earliest && p.latest === range.latest,
  );
  return preset?.label ?? `${range.earliest || 'all'} to ${range.latest || 'now'}`;
}

export function TimeRangePicker({
  value,
  onChange,
}: {
  value: TimeRange;
  onChange: (r: TimeRange) => void;
}) {
  const preset = TIME_PRESETS.findIndex(
    (p) => p.earliest === value.earliest && p.latest === value.latest,
  );
  const [custom, setCustom] = useState(preset < 0);
  const [earliest, setEarliest] = useState(value.earliest);
  const [latest, setLatest] = useState(value.latest);

  return (
    <span class="time-range">
      <select
        aria-label="Time range"
        data-testid="time-range"
        value={custom ? 'custom' : String(preset)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === 'custom') {
            setCustom(true);
            return;
          }
          setCustom(false);
          const p = TIME_PRESETS[Number(v)];
          if (p) onChange({ earliest: p.earliest, latest: p.latest });
        }}
      >
        {TIME_PRESETS.map((p, i) => (
          <option key={p.label} value={String(i)}>
            {p.label}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {custom && (
        <span class="custom-range">
          <input
            aria-label="Earliest"
            placeholder="earliest: -7d@d, 05/01/2024:00:00:00"
            value={earliest}
            onInput={(e) => setEarliest(e.currentTarget.value)}
          />
          <input
            aria-label="Latest"
            placeholder="latest: now"
            value={latest}
            onInput={(e) => setLatest(e.currentTarget.value)}
          />
          <button
            type="button"
            onClick={() => onChange({ earliest: earliest.trim(), latest: latest.trim() })}
          >
            Apply
          </button>
        </span>
      )}
    </span>
  );
}
