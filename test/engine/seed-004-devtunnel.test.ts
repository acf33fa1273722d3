// Seed 004 (ESCU "Windows Devtunnels Image Loaded") run unchanged: one row, every `by` field filled from the event.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { runSearch } from '../../src/cli/commands/search.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'knowledge', 'fixtures');

/** The `search:` of /work/shared/seeds/004_794a72ca433ffb88.txt, verbatim. */
const SEED_004 = `\`sysmon\`
EventID=7
ImageLoaded="*\\\\AppData\\\\Local\\\\Temp\\\\.net\\\\devtunnel\\\\*"
ImageLoaded="*devtunnel.dll"
| fillnull
| stats count min(_time) as firstTime
              max(_time) as lastTime
  by Computer ImageLoaded EventID loaded_file loaded_file_path process_exec process_guid
     process_hash process_id process_name process_path service_dll_signature_exists
     service_dll_signature_verified signature_id user_id vendor_product

| rename Computer as dest
| \`security_content_ctime(firstTime)\`
| \`security_content_ctime(lastTime)\`
| \`windows_devtunnels_image_loaded_filter\``;

test('seed 004 over a Sysmon event 7 loading devtunnel.dll returns one row with every by field', async () => {
  let out = '';
  let err = '';
  const code = await runSearch(
    SEED_004,
    [path.join(FIXTURES, 'sysmon-7-devtunnel.log')],
    {
      format: 'json',
      macros: [path.join(FIXTURES, 'seed-macros.conf')],
      lookups: [],
      strict: true,
    },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  assert.equal(code, 0, err);
  const rows = JSON.parse(out) as Record<string, unknown>[];
  assert.equal(rows.length, 1, out);
  const image = 'C:\\Users\\dana\\AppData\\Local\\Temp\\.net\\devtunnel\\ab12cd\\devtunnel.exe';
  const loaded = 'C:\\Users\\dana\\AppData\\Local\\Temp\\.net\\devtunnel\\ab12cd\\devtunnel.dll';
  assert.deepEqual(rows[0], {
    dest: 'dev-ws-07.corp.example',
    ImageLoaded: loaded,
    EventID: '7',
    loaded_file: 'devtunnel.dll',
    loaded_file_path: loaded,
    process_exec: 'devtunnel.exe',
    process_guid: '{6B0E5F2A-1C07-6500-9600-000000000E03}',
    process_hash:
      'MD5=0F1E2D3C4B5A69788796A5B4C3D2E1F0,SHA256=00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF,IMPHASH=FFEEDDCCBBAA99887766554433221100',
    process_id: '7788',
    process_name: 'devtunnel.exe',
    process_path: image,
    service_dll_signature_exists: 'true',
    service_dll_signature_verified: 'true',
    signature_id: '7',
    user_id: 'S-1-5-21-1004336348-1177238915-682003330-1001',
    vendor_product: 'Microsoft Sysmon',
    count: 1,
    firstTime: '2026-03-02T10:15:30',
    lastTime: '2026-03-02T10:15:30',
  });
});
