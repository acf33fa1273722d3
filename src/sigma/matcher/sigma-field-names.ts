// Sigma spells Windows event fields without spaces: views of events that also answer to that
// spelling, and a per-matcher cache that skips the check for field orders seen before.
import { type Event, writeField } from '../../core/index.ts';

/**
 * Sigma writes Windows event fields without spaces (`Source Name` → `SourceName`, spec "Field
 * Usage"). Events that carry such names get a view that also answers to the Sigma spelling.
 */
export function withSigmaFieldNames(event: Event): Event {
  let view: Event | undefined;
  for (const key in event) {
    if (key.indexOf(' ') < 0) continue;
    const sigmaName = key.replaceAll(' ', '');
    if (Object.hasOwn(event, sigmaName)) continue;
    view ??= Object.create(event) as Event;
    writeField(view, sigmaName, event[key]);
  }
  return view ?? event;
}

/** Field names remembered per order (events of one source repeat a few orders). */
const REMEMBERED_NAMES = 256;

/**
 * `withSigmaFieldNames` for a stream: whether a view is needed depends only on the event's field
 * names, so the names of the last event are kept and compared (property names are interned:
 * each comparison is one pointer test) instead of searching every name for a space.
 */
export class SigmaFieldNameViews {
  private readonly names: string[] = [];
  private nameCount = 0;
  private spaced = false;

  view(event: Event): Event {
    const names = this.names;
    let position = 0;
    let same = true;
    for (const key in event) {
      if (position >= REMEMBERED_NAMES) {
        same = false;
        break;
      }
      if (names[position] !== key) {
        same = false;
        names[position] = key;
      }
      position++;
    }
    if (!same || position !== this.nameCount) this.remember(event, position);
    return this.spaced ? withSigmaFieldNames(event) : event;
  }

  private remember(event: Event, position: number): void {
    this.spaced = false;
    for (const key in event) {
      if (key.indexOf(' ') >= 0) {
        this.spaced = true;
        break;
      }
    }
    // Past the bound nothing is remembered, so the next event checks its names again.
    this.nameCount = position < REMEMBERED_NAMES ? position : -1;
  }
}
