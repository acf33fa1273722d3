// Delivers alerts to the alert actions, at least once. An alert is a record in the outbox
// (`index=internal sourcetype=alert`), committed with the notable it is for; each action's
// success is a delivery record (`sourcetype=alert_action`). Failures are retried with exponential
// backoff; at start the alerts with no successful delivery per action are sent again, so a crash
// between the commit and the send loses nothing (a receiver may see an alert twice: the
// `Idempotency-Key` tells it so).
import type { Event } from '../../../core/index.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { DetectClock } from '../detect-clock.ts';
import {
  ALERT_ACTION_SOURCETYPE,
  ALERT_SOURCETYPE,
  deliveryRecord,
  INTERNAL_INDEX,
} from '../output/detect-records.ts';
import { scalarText } from '../output/risk-values.ts';
import { readValues } from '../output/store-reads.ts';
import { type AlertAction, type AlertPayload, PermanentAlertError } from './alert-action.ts';

/** How far back the outbox is read at start. */
const PENDING_LOOKBACK_SECONDS = 7 * 86_400;

export interface AlertDispatcherDeps {
  readonly actions: readonly AlertAction[];
  readonly store: Pick<EventStore, 'query'>;
  /**
   * Writes a delivery record. The server hands it to the detect writer, where it waits (up to
   * 1 s) to ride in the next write - an alert's own write touches `index=internal` anyway - so
   * under a stream of alerts deliveries add no append of their own; a crash before it is written
   * sends the alert again at start (at least once).
   */
  readonly record: (delivery: Event) => Promise<void>;
  readonly clock: DetectClock;
  /** Retries back off from 1 s doubling up to this. */
  readonly maxRetrySeconds: number;
  readonly log: (line: string) => void;
}

export class AlertDispatcher {
  private readonly deps: AlertDispatcherDeps;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sleeping = new Map<NodeJS.Timeout, () => void>();
  private closed = false;
  delivered = 0;

  constructor(deps: AlertDispatcherDeps) {
    this.deps = deps;
  }

  get enabled(): boolean {
    return this.deps.actions.length > 0;
  }

  /** Outbox records just committed (DetectWriter's onAlerts). */
  send(records: readonly Event[]): void {
    for (const record of records) {
      const payload = payloadOf(record);
      if (payload === undefined) continue;
      for (const action of this.deps.actions) this.track(this.deliver(action, payload));
    }
  }

  /** Sends again every alert of the last week some action has not taken. */
  async resumePending(): Promise<number> {
    if (!this.enabled) return 0;
    const earliest = this.deps.clock.now() - PENDING_LOOKBACK_SECONDS;
    const done = new Set(
      (
        await readValues(this.deps.store, {
          index: INTERNAL_INDEX,
          earliest,
          where: { sourcetype: ALERT_ACTION_SOURCETYPE, status: 'success' },
          fields: ['alert_id', 'action'],
        })
      ).map((d) => `${scalarText(d['action'])}\u0000${scalarText(d['alert_id'])}`),
    );
    const outbox = await readValues(this.deps.store, {
      index: INTERNAL_INDEX,
      earliest,
      where: { sourcetype: ALERT_SOURCETYPE },
      fields: ['alert_id', 'payload'],
    });
    let pending = 0;
    for (const record of outbox.reverse()) {
      const payload = payloadOf(record);
      if (payload === undefined) continue;
      for (const action of this.deps.actions) {
        if (done.has(`${action.name}\u0000${payload.alert_id}`)) continue;
        pending++;
        this.track(this.deliver(action, payload));
      }
    }
    if (pending > 0) this.deps.log(`alerts: resending ${pending} undelivered alert deliveries`);
    return pending;
  }

  /** Resolves once nothing is being sent (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  close(): void {
    this.closed = true;
    for (const [timer, wake] of this.sleeping) {
      clearTimeout(timer);
      wake();
    }
    for (const action of this.deps.actions) action.close?.();
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(action: AlertAction, alert: AlertPayload): Promise<void> {
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await action.send(alert);
        this.delivered++;
        await this.record(action, alert, 'success', attempt, 'delivered');
        return;
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentAlertError) {
          this.deps.log(`alerts: ${action.name} refused ${alert.alert_id}: ${text}`);
          await this.record(action, alert, 'failed', attempt, text);
          return;
        }
        const wait = Math.min(2 ** (attempt - 1), this.deps.maxRetrySeconds);
        if (attempt === 1 || attempt % 10 === 0) {
          this.deps.log(
            `alerts: ${action.name} failed for ${alert.alert_id} (attempt ${attempt}, again in ${wait} s): ${text}`,
          );
        }
        await this.sleep(wait * 1000);
      }
    }
  }

  private async record(
    action: AlertAction,
    alert: AlertPayload,
    status: 'success' | 'failed',
    attempts: number,
    detail: string,
  ): Promise<void> {
    const event = deliveryRecord(
      alert.alert_id,
      action.name,
      { status, attempts, detail },
      this.deps.clock.now(),
    );
    await this.deps
      .record(event)
      .catch((error: unknown) =>
        this.deps.log(`alerts: recording a delivery failed: ${String(error)}`),
      );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeping.delete(timer);
        resolve();
      }, ms);
      this.sleeping.set(timer, resolve);
    });
  }
}

function payloadOf(record: Event): AlertPayload | undefined {
  try {
    const parsed = JSON.parse(scalarText(record['payload'])) as AlertPayload;
    return typeof parsed.alert_id === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
