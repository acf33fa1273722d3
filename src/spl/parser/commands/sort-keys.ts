// Sort keys shared by sort and `dedup ... sortby`: `-count`, `+ num(port)`, `str(user)`.
import { span } from '../../../core/index.ts';
import type { SortComparator, SortKey } from '../../ast/command.ts';
import { expectField } from '../arguments.ts';
import type { Cursor } from '../cursor.ts';

const COMPARATORS: readonly SortComparator[] = ['auto', 'num', 'str', 'ip'];

/** Reads one key; `-`/`+` may stand alone or prefix the field (`-_time`). */
export function parseSortKey(cursor: Cursor): SortKey {
  const start = cursor.peek('argument').span.start;
  let direction: SortKey['direction'] = 'asc';
  let explicitDirection = false;
  const first = cursor.peek('argument');
  if (first.kind === 'word' && !first.quoted && (first.text === '-' || first.text === '+')) {
    cursor.next('argument');
    direction = first.text === '-' ? 'desc' : 'asc';
    explicitDirection = true;
  } else if (first.kind === 'word' && !first.quoted && /^[+-]./.test(first.text)) {
    // `-count`: the sign is glued to the field; split it off the token.
    direction = first.text.startsWith('-') ? 'desc' : 'asc';
    explicitDirection = true;
    cursor.pos = first.span.start + 1;
  }
  const name = cursor.peek('argument');
  const open = cursor.peekSecond('argument');
  const comparator = name.kind === 'word' ? name.text.toLowerCase() : '';
  if (
    COMPARATORS.includes(comparator as SortComparator) &&
    open.kind === 'lparen' &&
    !open.spaceBefore
  ) {
    cursor.next('argument');
    cursor.next('argument');
    const field = expectField(cursor, 'a field to sort by');
    cursor.expect('argument', 'rparen', `")" to close ${name.text}(`);
    return {
      kind: 'SortKey',
      field,
      direction,
      explicitDirection,
      comparator: comparator as SortComparator,
      span: span(start, cursor.pos),
    };
  }
  const field = expectField(cursor, 'a field to sort by');
  return {
    kind: 'SortKey',
    field,
    direction,
    explicitDirection,
    comparator: 'none',
    span: span(start, field.span.end),
  };
}
