// Splunk's HTTP Event Collector status codes: the `code` of every reply, with its text and HTTP
// status (Splunk's "Troubleshoot HTTP Event Collector" table; the same table the Splunk clients
// and Splunk's own Go HEC client list).

export const HEC_CODES = {
  success: [0, 'Success', 200],
  tokenDisabled: [1, 'Token disabled', 403],
  tokenRequired: [2, 'Token is required', 401],
  invalidAuthorization: [3, 'Invalid authorization', 401],
  invalidToken: [4, 'Invalid token', 403],
  noData: [5, 'No data', 400],
  invalidDataFormat: [6, 'Invalid data format', 400],
  incorrectIndex: [7, 'Incorrect index', 400],
  internalError: [8, 'Internal server error', 500],
  serverBusy: [9, 'Server is busy', 503],
  channelMissing: [10, 'Data channel is missing', 400],
  channelInvalid: [11, 'Invalid data channel', 400],
  eventRequired: [12, 'Event field is required', 400],
  eventBlank: [13, 'Event field cannot be blank', 400],
  ackDisabled: [14, 'ACK is disabled', 400],
  indexedFields: [15, 'Error in handling indexed fields', 400],
  queryAuthDisabled: [16, 'Query string authorization is not enabled', 400],
  healthy: [17, 'HEC is healthy', 200],
  unhealthyQueuesFull: [18, 'HEC is unhealthy, queues are full', 503],
  shuttingDown: [23, 'Server is shutting down', 503],
} as const satisfies Record<string, readonly [number, string, number]>;

export type HecCodeName = keyof typeof HEC_CODES;

/** A reply other than success: its Splunk code, HTTP status and the body Splunk sends. */
export class HecError extends Error {
  readonly code: number;
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(name: HecCodeName, extra: { detail?: string; invalidEvent?: number } = {}) {
    const [code, text, status] = HEC_CODES[name];
    super(extra.detail === undefined ? text : `${text}: ${extra.detail}`);
    this.name = 'HecError';
    this.code = code;
    this.status = status;
    this.body = {
      text,
      code,
      ...(extra.invalidEvent === undefined ? {} : { 'invalid-event-number': extra.invalidEvent }),
      // Splunk's replies carry only text and code; the reason is added so a sender can fix it.
      ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    };
  }
}
