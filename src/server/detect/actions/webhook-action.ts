// The webhook action: the alert as a JSON POST (Splunk's webhook payload: sid, search_name, app,
// owner, result) with an `Idempotency-Key` header; a 2xx answer is success.
import type { WebhookActionConfig } from '../../config/detect-config-schema.ts';
import { type AlertAction, type AlertPayload, PermanentAlertError } from './alert-action.ts';

export function webhookAction(config: WebhookActionConfig): AlertAction {
  return {
    name: 'webhook',
    async send(alert: AlertPayload): Promise<void> {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          ...config.headers,
          'Content-Type': 'application/json',
          'Idempotency-Key': alert.alert_id,
          'User-Agent': 'spelunk',
        },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(config.timeout * 1000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      const text = `${config.url} answered ${response.status} ${response.statusText}`;
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      ) {
        throw new PermanentAlertError(text);
      }
      throw new Error(text);
    },
  };
}
