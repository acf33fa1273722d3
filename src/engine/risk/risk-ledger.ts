// Risk totals per entity, and the risk events behind them, as a hunt raises them.
import type { RiskObjectType } from '../../detection/index.ts';
import { ContributionStore } from './contribution-store.ts';
import type { RiskEvent } from './risk-event.ts';
import { TextTable } from './text-table.ts';

/** One risk event as the ledger keeps it: enough to total, window and list it. */
export interface RiskContribution {
  readonly time: number;
  readonly score: number;
  readonly searchName: string;
  readonly message: string;
  /** Which finding raised it (an index the caller gave). */
  readonly finding: number;
}

/** Receives one risk event's fields (a RiskContribution, without an object made for it). */
export type ContributionVisitor = (
  time: number,
  score: number,
  searchName: string,
  message: string,
  finding: number,
) => void;

export interface RiskEntityLedger {
  /** As first seen; entities compare without regard to case (ES `normalized_risk_object`). */
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  /** The host a generic account's risk is kept apart for (RiskEvent.scope). */
  readonly scope: string | undefined;
  total: number;
  count: number;
  /** Of its risk events with a time (undefined when none has one). */
  firstTime: number | undefined;
  lastTime: number | undefined;
  readonly searchNames: Set<string>;
  /**
   * Streams its risk events with a time to `visit` in time order, equal times in the order raised
   * (read back from the store, never held whole: up to a million of them).
   */
  eachInTimeOrder(visit: ContributionVisitor): void;
}

/** An entity's ledger whose risk events the ledger's store holds. */
class StoredEntity implements RiskEntityLedger {
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  readonly scope: string | undefined;
  total = 0;
  count = 0;
  firstTime: number | undefined;
  lastTime: number | undefined;
  readonly searchNames = new Set<string>();
  private readonly store: ContributionStore;
  private readonly texts: TextTable;
  /** The entity's number in the store. */
  readonly number: number;

  constructor(risk: RiskEvent, store: ContributionStore, texts: TextTable, number: number) {
    this.riskObject = risk.riskObject;
    this.riskObjectType = risk.riskObjectType;
    this.scope = risk.scope;
    this.firstTime = risk.time;
    this.lastTime = risk.time;
    this.store = store;
    this.texts = texts;
    this.number = number;
  }

  eachInTimeOrder(visit: ContributionVisitor): void {
    const texts = this.texts;
    this.store.eachInTimeOrder(this.number, (time, score, search, message, finding) =>
      visit(time, score, texts.text(search), texts.text(message), finding),
    );
  }
}

export interface RiskTotal {
  readonly riskObject: string;
  readonly riskObjectType: RiskObjectType;
  readonly scope: string | undefined;
  readonly total: number;
  /** Risk events. */
  readonly count: number;
  readonly searchNames: readonly string[];
  readonly firstTime: number | undefined;
  readonly lastTime: number | undefined;
}

/**
 * Contributions kept for incident windows and listings. Totals stay exact past it; windows then
 * see only the kept ones and the ledger says so (`contributionsDropped`). They are kept on disk
 * (ContributionStore); the bound is on what one entity's incident windows read back at the end.
 */
export const MAX_KEPT_CONTRIBUTIONS = 1_000_000;

export class RiskLedger {
  private readonly entities = new Map<string, StoredEntity>();
  /** Entities by the risk object's text exactly as raised, with its type and scope as raised. */
  private readonly bySpelling = new Map<
    string,
    { type: RiskObjectType; scope: string | undefined; entity: StoredEntity }[]
  >();
  private readonly texts = new TextTable();
  private readonly store = new ContributionStore(this.texts);
  private kept = 0;
  /** Risk events counted in totals but not kept for windows. */
  contributionsDropped = 0;
  events = 0;

  add(risk: RiskEvent, finding: number): void {
    const entity = this.entityOf(risk);
    this.events++;
    entity.total += risk.riskScore;
    entity.count++;
    entity.searchNames.add(risk.searchName);
    // A risk event without a time counts in the totals; no incident window can place it.
    if (risk.time === undefined) return;
    entity.firstTime = Math.min(entity.firstTime ?? risk.time, risk.time);
    entity.lastTime = Math.max(entity.lastTime ?? risk.time, risk.time);
    if (this.kept >= MAX_KEPT_CONTRIBUTIONS) {
      this.contributionsDropped++;
      return;
    }
    this.kept++;
    this.store.addRisk(
      entity.number,
      risk.time,
      risk.riskScore,
      risk.searchName,
      risk.riskMessage,
      finding,
    );
  }

  /**
   * The risk object's entity: first by its text as written (the same texts come back event after
   * event), else by the case-blind key, which a new spelling of a known entity joins.
   */
  private entityOf(risk: RiskEvent): StoredEntity {
    const spellings = this.bySpelling.get(risk.riskObject);
    if (spellings !== undefined) {
      for (const known of spellings) {
        if (known.type === risk.riskObjectType && known.scope === risk.scope) return known.entity;
      }
    }
    const scope = risk.scope?.toLowerCase() ?? '';
    const key = `${risk.riskObjectType}\u0000${risk.riskObject.toLowerCase()}\u0000${scope}`;
    let entity = this.entities.get(key);
    if (entity === undefined) {
      entity = new StoredEntity(risk, this.store, this.texts, this.entities.size);
      this.entities.set(key, entity);
    }
    // One entry per distinct spelling, type and scope: no more than the risk events that named them.
    const spelling = { type: risk.riskObjectType, scope: risk.scope, entity };
    if (spellings === undefined) this.bySpelling.set(risk.riskObject, [spelling]);
    else spellings.push(spelling);
    return entity;
  }

  /** Every entity, highest total first (then by name, so the order is stable). */
  totals(): RiskTotal[] {
    return [...this.entities.values()]
      .map((e) => ({
        riskObject: e.riskObject,
        riskObjectType: e.riskObjectType,
        scope: e.scope,
        total: e.total,
        count: e.count,
        searchNames: [...e.searchNames].sort(),
        firstTime: e.firstTime,
        lastTime: e.lastTime,
      }))
      .sort(
        (a, b) =>
          b.total - a.total ||
          a.riskObjectType.localeCompare(b.riskObjectType) ||
          a.riskObject.localeCompare(b.riskObject) ||
          (a.scope ?? '').localeCompare(b.scope ?? ''),
      );
  }

  /** The entities' ledgers, for the incident window. */
  entityLedgers(): readonly RiskEntityLedger[] {
    return [...this.entities.values()];
  }
}
