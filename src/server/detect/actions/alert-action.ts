// An alert action: where an alert is sent. Each alert carries an idempotency key (`alert_id`,
// the same for the same notable), so a receiver can drop the repeats at-least-once delivery brings.
export interface AlertPayload {
  readonly alert_id: string;
  readonly alert_type: string;
  readonly search_name: string;
  readonly sid: string;
  readonly app: string;
  readonly owner: string;
  /** The notable, with its fields. */
  readonly result: Record<string, unknown>;
}

/** A failure that retrying cannot fix (a 4xx answer other than 408 and 429). */
export class PermanentAlertError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentAlertError';
  }
}

export interface AlertAction {
  /** `webhook`, `file`, `syslog`: the name deliveries are recorded under. */
  readonly name: string;
  /** Resolves once the alert was taken; throws on failure. */
  send(alert: AlertPayload): Promise<void>;
  close?(): void;
}
