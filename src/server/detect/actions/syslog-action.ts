// The syslog action: RFC 5424 messages over UDP (one datagram) or TCP (RFC 6587 octet counting),
// the alert's idempotency key and search in structured data, the alert as JSON in MSG.
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import type { SyslogActionConfig } from '../../config/detect-config-schema.ts';
import type { AlertAction, AlertPayload } from './alert-action.ts';

/** RFC 5424 severities by notable severity. */
const SEVERITY: Record<string, number> = {
  critical: 2,
  high: 3,
  medium: 4,
  low: 5,
  informational: 6,
};
/** Keeps a UDP datagram under the IPv4 limit. */
const MAX_MESSAGE_BYTES = 60_000;
/** RFC 5424 §7.2.2: a private enterprise number for the SD-ID (32473 is reserved for examples). */
const SD_ID = 'spelunk@32473';

export function syslogMessage(alert: AlertPayload, config: SyslogActionConfig, time: Date): string {
  const severity = SEVERITY[String(alert.result['severity'] ?? 'high').toLowerCase()] ?? 4;
  const pri = config.facility * 8 + severity;
  const host =
    hostname()
      .replace(/[^!-~]/g, '')
      .slice(0, 255) || '-';
  const sd = `[${SD_ID} alert_id="${sdValue(alert.alert_id)}" search_name="${sdValue(alert.search_name)}"]`;
  const header = `<${pri}>1 ${time.toISOString()} ${host} ${config.appName} ${process.pid} notable ${sd} `;
  let body = JSON.stringify(alert);
  const room = MAX_MESSAGE_BYTES - Buffer.byteLength(header);
  if (Buffer.byteLength(body) > room) {
    body = JSON.stringify({
      ...alert,
      result: { truncated: true, event_id: alert.result['event_id'] },
    });
  }
  return header + body;
}

/** RFC 5424 §6.3.3: `"`, `\` and `]` are escaped in PARAM-VALUE. */
function sdValue(text: string): string {
  return text.replace(/["\\\]]/g, (c) => `\\${c}`);
}

export function syslogAction(config: SyslogActionConfig): AlertAction {
  return {
    name: 'syslog',
    send(alert: AlertPayload): Promise<void> {
      const message = Buffer.from(syslogMessage(alert, config, new Date()));
      return config.protocol === 'udp' ? sendUdp(config, message) : sendTcp(config, message);
    },
  };
}

function sendUdp(config: SyslogActionConfig, message: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(config.host.includes(':') ? 'udp6' : 'udp4');
    socket.send(message, config.port, config.host, (error) => {
      socket.close();
      if (error) reject(error);
      else resolve();
    });
  });
}

function sendTcp(config: SyslogActionConfig, message: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: config.host, port: config.port });
    socket.setTimeout(10_000, () => socket.destroy(new Error('syslog: no answer within 10 s')));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.end(Buffer.concat([Buffer.from(`${message.length} `), message]), () => resolve());
    });
  });
}
