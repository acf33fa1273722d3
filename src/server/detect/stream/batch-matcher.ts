// Streaming Sigma's base matching where events are made (HEC's parse workers): each event is
// matched, as an object, just before it is encoded, and the batch carries which rules its events
// matched (store/encoded-matches.ts). Only the rules' matching goes there; findings, correlation
// state and risk stay with the stream's matcher (sigma-matcher.ts), which gets just the matched
// events with their matches, after the commit (docs/server.md, "Where it matches").
import type { Event } from '../../../core/index.ts';
import { decodeMatcher, type SigmaMatcher } from '../../../sigma/index.ts';
import type { EncodedMatches } from '../../store/encoded-matches.ts';
import { type PackedMatcher, unpackMatcher } from './packed-matcher.ts';

/** A rule-set version as the Sigma stream hands it to the places that encode batches. */
export interface SharedMatcher {
  /** The stream's generation of that version: matches found with another are not used. */
  readonly version: number;
  readonly data: PackedMatcher;
}

export class BatchMatcher {
  readonly version: number;
  private readonly matcher: SigmaMatcher;

  constructor(shared: SharedMatcher) {
    this.version = shared.version;
    this.matcher = decodeMatcher(unpackMatcher(shared.data));
  }

  /** The matches of one batch, added event by event in row order. */
  batch(): BatchMatches {
    return new BatchMatches(this.version, this.matcher);
  }
}

export class BatchMatches {
  private readonly found: number[] = [];
  private readonly entries: string[] = [];
  /** Set when matching threw: the batch then carries no matches and is matched in full later. */
  private failed = false;
  private readonly version: number;
  private readonly matcher: SigmaMatcher;

  constructor(version: number, matcher: SigmaMatcher) {
    this.version = version;
    this.matcher = matcher;
  }

  add(event: Event, row: number): void {
    if (this.failed) return;
    try {
      const matches = this.matcher.match(event);
      for (let m = 0; m < matches.length; m++) {
        const match = matches[m] as (typeof matches)[number];
        this.found.push(row, match.ruleIndex);
        this.entries.push(match.entryName);
      }
    } catch {
      this.failed = true;
    }
  }

  finish(): EncodedMatches | undefined {
    if (this.failed) return undefined;
    return { version: this.version, found: Int32Array.from(this.found), entries: this.entries };
  }
}
