// The file action: each alert appended to a file as one JSON line, written through before the
// delivery is recorded (fs.appendFileSync; a write stream's buffer would not survive kill -9).
import { appendFileSync } from 'node:fs';
import type { AlertAction, AlertPayload } from './alert-action.ts';

export function fileAction(file: string): AlertAction {
  return {
    name: 'file',
    async send(alert: AlertPayload): Promise<void> {
      appendFileSync(file, `${JSON.stringify(alert)}\n`);
    },
  };
}
