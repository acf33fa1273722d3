// Sigma rules for the tests of matching where events are made: two base rules, one of them only
// feeding an event_count correlation per host.
export const PREMATCH_RULES = `title: Dev tunnel
name: dev_tunnel
id: 5e1f0c2a-0000-4000-8000-000000000a01
status: test
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: tunnel
  condition: selection
level: high
---
title: Renderer
id: 5e1f0c2a-0000-4000-8000-000000000a02
status: test
logsource:
  product: windows
  category: process_creation
detection:
  selection:
    CommandLine|contains: --type=renderer
  condition: selection
level: low
---
title: Tunnels on one host
id: 5e1f0c2a-0000-4000-8000-000000000a03
status: test
correlation:
  type: event_count
  rules:
    - dev_tunnel
  group-by:
    - Computer
  timespan: 1h
  condition:
    gte: 2
level: critical
`;
