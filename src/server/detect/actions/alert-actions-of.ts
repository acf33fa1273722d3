// The alert actions the config turns on.
import type { DetectConfig } from '../../config/detect-config-schema.ts';
import type { AlertAction } from './alert-action.ts';
import { fileAction } from './file-action.ts';
import { syslogAction } from './syslog-action.ts';
import { webhookAction } from './webhook-action.ts';

export function alertActionsOf(config: DetectConfig): AlertAction[] {
  const { webhook, file, syslog } = config.actions;
  return [
    ...(webhook === undefined ? [] : [webhookAction(webhook)]),
    ...(file === undefined ? [] : [fileAction(file)]),
    ...(syslog === undefined ? [] : [syslogAction(syslog)]),
  ];
}
