// The process time zone's name for an instant (PDT, CET, UTC), for strftime %Z and strptime.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The short name of the zone in effect at `epochSeconds` (the TZ environment variable's zone). */
export function zoneAbbreviation(epochSeconds: number): string {
  const zone = process.env['TZ'] ?? '';
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    formatters.set(zone, formatter);
  }
  const name = formatter
    .formatToParts(new Date(epochSeconds * 1000))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === undefined || name === 'GMT' ? 'UTC' : name;
}

/** UTC offsets, in minutes, of the zone names strptime's %Z reads (US zones and UTC). */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};
