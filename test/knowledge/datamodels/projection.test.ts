// Data-model semantics of a projection: calculated fields, empty values, naming, child constraints, tags, routes, resolution.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Event } from '../../../src/core/event.ts';
import { routeAdmits } from '../../../src/spl/plan/route-filter.ts';
import {
  BUILTIN_DATA_MODELS,
  datasetOf,
  projected,
  securityEvent,
  sysmonEvent,
} from './dm-helpers.ts';

/** A process creation carrying only what the test gives (the knowledge adds the rest). */
const launch = (data: Event) => sysmonEvent(1, { Image: 'C:\\t\\a.exe', ...data });

describe('calculated fields (CIM Endpoint.Processes)', () => {
  test('a missing or empty user is "unknown"; an empty value is no value', () => {
    const row = projected('Endpoint.Processes', launch({ User: '', OriginalFileName: '' }));
    assert.equal(row?.['Processes.user'], 'unknown');
    assert.equal(row?.['Processes.original_file_name'], 'unknown');
  });

  test('process_name falls back to the first word of the command line, then "unknown"', () => {
    const fromCommand = projected(
      'Endpoint.Processes',
      { ...launch({ CommandLine: '  whoami.exe /all' }), Image: undefined },
      ['Processes.process_name'],
    );
    assert.deepEqual(fromCommand, { 'Processes.process_name': 'whoami.exe' });
    const nothing = projected('Endpoint.Processes', { ...launch({}), Image: undefined }, [
      'Processes.process_name',
    ]);
    assert.deepEqual(nothing, { 'Processes.process_name': 'unknown' });
  });

  test('vendor_product falls back to vendor and product, then the sourcetype', () => {
    const row = projected(
      'Endpoint.Processes',
      { ...securityEvent(4688, { NewProcessName: 'C:\\a.exe' }), sourcetype: 'XmlWinEventLog' },
      ['Processes.vendor_product'],
    );
    assert.deepEqual(row, { 'Processes.vendor_product': 'Microsoft Windows' });
  });

  test('fields with no calculation stay null when the event has none', () => {
    const row = projected('Endpoint.Processes', launch({}), ['Processes.process_hash']);
    assert.deepEqual(row, {});
  });

  test('only the wanted fields are in the row', () => {
    const row = projected('Endpoint.Processes', launch({ User: 'CORP\\x' }), [
      'Processes.user',
      '_time',
    ]);
    assert.deepEqual(Object.keys(row ?? {}).sort(), ['Processes.user', '_time']);
  });
});

describe('naming', () => {
  test('plain names for from datamodel / datamodel ... flat', () => {
    const row = projected(
      'Endpoint.Processes',
      launch({ User: 'CORP\\x' }),
      ['user', 'host'],
      'plain',
    );
    assert.deepEqual(row, { user: 'CORP\\x', host: 'ws-17.corp.example' });
  });

  test("a child dataset's own fields carry the whole path; its parent's keep theirs", () => {
    const dataset = datasetOf('Change.All_Changes.Account_Management');
    assert.ok(dataset.fields.has('All_Changes.Account_Management.src_user'));
    assert.ok(dataset.fields.has('All_Changes.user'));
    assert.ok(!dataset.fields.has('All_Changes.src_user'));
    assert.ok(dataset.fields.has('_time') && dataset.fields.has('sourcetype'));
  });
});

describe('tags and constraints', () => {
  test('the tag field lists the event type tags', () => {
    const row = projected('Endpoint.Processes', launch({}), ['Processes.tag']);
    assert.deepEqual(row, { 'Processes.tag': ['process', 'report'] });
  });

  test('a child constraint reads the calculated row (Failed_Authentication: action="failure")', () => {
    const failed = securityEvent(4625, { TargetUserName: 'x' });
    assert.ok(projected('Authentication.Authentication.Failed_Authentication', failed));
    assert.equal(
      projected('Authentication.Authentication.Successful_Authentication', failed),
      undefined,
    );
  });

  test('Risk.All_Risk holds the events of index=risk, with their own tags', () => {
    const risk: Event = {
      _time: 1_700_000_000,
      index: 'risk',
      source: 'ESCU - Windows Devtunnels Execution - Rule',
      sourcetype: 'stash',
      host: 'spelunk',
      risk_object: 'ws-17',
      risk_object_type: 'system',
      risk_score: 20,
      'annotations.mitre_attack.mitre_tactic_id': 'TA0011',
      tag: 'attack',
    };
    const row = projected('Risk.All_Risk', risk, [
      'All_Risk.risk_object',
      'All_Risk.calculated_risk_score',
      'All_Risk.annotations.mitre_attack.mitre_tactic_id',
      'All_Risk.tag',
      'source',
    ]);
    assert.deepEqual(row, {
      'All_Risk.risk_object': 'ws-17',
      'All_Risk.calculated_risk_score': 20,
      'All_Risk.annotations.mitre_attack.mitre_tactic_id': 'TA0011',
      'All_Risk.tag': 'attack',
      source: 'ESCU - Windows Devtunnels Execution - Rule',
    });
    assert.equal(projected('Risk.All_Risk', launch({})), undefined);
  });
});

describe('routes', () => {
  test("a dataset's route admits the events of its event types and no others", () => {
    const { route } = datasetOf('Endpoint.Processes').project(new Set(), 'prefixed');
    assert.equal(route.kind, 'alternatives');
    assert.ok(routeAdmits(route, launch({})));
    assert.ok(routeAdmits(route, securityEvent(4688, {})));
    assert.ok(!routeAdmits(route, sysmonEvent(3, {})));
    assert.ok(!routeAdmits(route, securityEvent(4624, {})));
  });

  test('Risk routes on index=risk; a model nothing feeds reads no events', () => {
    const risk = datasetOf('Risk.All_Risk').project(new Set(), 'prefixed').route;
    assert.ok(routeAdmits(risk, { index: 'risk' }));
    assert.ok(!routeAdmits(risk, { index: 'wineventlog' }));
    assert.equal(datasetOf('Web.Web').project(new Set(), 'prefixed').route.kind, 'none');
  });

  test('the fields read are what membership and the wanted fields need', () => {
    const { reads } = datasetOf('Endpoint.Processes').project(
      new Set(['Processes.process_name']),
      'prefixed',
    );
    assert.notEqual(reads, 'all');
    const names = [...(reads as ReadonlySet<string>)].sort();
    assert.deepEqual(names, ['EventCode', 'process', 'process_name', 'source']);
  });
});

describe('resolving names', () => {
  const cases: readonly [string, string | undefined][] = [
    ['Endpoint.Processes', 'Processes'],
    ['Network_Traffic', 'All_Traffic'],
    ['Authentication.Authentication.Failed_Authentication', 'Failed_Authentication'],
    ['Updates', 'Updates'],
    ['Endpoint', undefined],
    ['endpoint.Processes', undefined],
    ['Nope.Nope', undefined],
  ];
  for (const [reference, name] of cases) {
    test(`${reference} → ${name ?? 'an error'}`, () => {
      const resolved = BUILTIN_DATA_MODELS.resolve(reference);
      if (name === undefined) assert.equal(resolved.ok, false);
      else assert.equal(resolved.ok && resolved.dataset.path.at(-1), name);
    });
  }

  test('errors say what exists', () => {
    const several = BUILTIN_DATA_MODELS.resolve('Endpoint');
    assert.ok(!several.ok && /several root datasets/.test(several.message));
    assert.ok(!several.ok && several.notes.some((n) => n.includes('Endpoint.Processes')));
    const cased = BUILTIN_DATA_MODELS.resolve('endpoint.Processes');
    assert.ok(!cased.ok && cased.notes.includes('did you mean Endpoint?'));
  });

  test('nodename from the root, or a unique bare name', () => {
    const root = datasetOf('Authentication');
    assert.deepEqual(root.node('Authentication.Failed_Authentication')?.path, [
      'Authentication',
      'Failed_Authentication',
    ]);
    assert.deepEqual(root.node('Privileged_Authentication')?.path, [
      'Authentication',
      'Privileged_Authentication',
    ]);
    assert.equal(root.node('Authentication.Nope'), undefined);
    assert.deepEqual(datasetOf('Network_Resolution').node('DNS')?.path, ['DNS']);
  });
});
