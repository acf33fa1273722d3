// The built-in data models: the CIM models and the two Enterprise Security models ESCU searches.
import type { DataModelSpec } from '../model/data-model-spec.ts';
import { ALERTS } from './alerts.ts';
import { AUTHENTICATION } from './authentication.ts';
import { CERTIFICATES } from './certificates.ts';
import { CHANGE } from './change.ts';
import { CHANGE_ANALYSIS } from './change-analysis.ts';
import { EMAIL } from './email.ts';
import { ENDPOINT } from './endpoint.ts';
import { INTRUSION_DETECTION } from './intrusion-detection.ts';
import { NETWORK_RESOLUTION } from './network-resolution.ts';
import { NETWORK_SESSIONS } from './network-sessions.ts';
import { NETWORK_TRAFFIC } from './network-traffic.ts';
import { RISK } from './risk.ts';
import { UEBA } from './ueba.ts';
import { UPDATES } from './updates.ts';
import { VULNERABILITIES } from './vulnerabilities.ts';
import { WEB } from './web.ts';

export const BUILTIN_DATA_MODELS: readonly DataModelSpec[] = [
  ALERTS,
  AUTHENTICATION,
  CERTIFICATES,
  CHANGE,
  CHANGE_ANALYSIS,
  EMAIL,
  ENDPOINT,
  INTRUSION_DETECTION,
  NETWORK_RESOLUTION,
  NETWORK_SESSIONS,
  NETWORK_TRAFFIC,
  RISK,
  UEBA,
  UPDATES,
  VULNERABILITIES,
  WEB,
];
