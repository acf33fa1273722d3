// An event type as the data models use it: which events (a search), the tags they get, and fields just for the data models.

/**
 * Splunk puts events in data models through tags: an event type (eventtypes.conf: a name and a
 * search) gets tags (tags.conf), and a data model's root constraint asks for tags
 * (`tag=process tag=report`). spelunk keeps that chain, so a mapping is written the same way.
 */
export interface EventTypeSpec {
  readonly name: string;
  /** A search clause over the events with their field knowledge applied. */
  readonly search: string;
  readonly tags: readonly string[];
  /**
   * Fields the data models see for these events in place of the event's own: field → SPL eval
   * expression over the event (a null result leaves the field null). For what the add-on
   * knowledge does not name the way the data models need.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** Where it is written (a file and line, or `built-in`), for messages. */
  readonly origin: string;
}

export function eventType(
  name: string,
  search: string,
  tags: readonly string[],
  fields: Readonly<Record<string, string>> = {},
): EventTypeSpec {
  return { name, search, tags, fields, origin: 'built-in' };
}
