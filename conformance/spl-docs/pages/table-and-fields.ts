// Search Reference, "table" and "fields": the fields kept, in the order given, wildcards; fields -
// removes. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const event = { host: 'h', source: 's', sourcetype: 'st', error_code: '7', error_text: 'x' };

const page: DocPage = {
  title: 'table, fields',
  path: 'search-commands/table',
  examples: [
    {
      name: 'table: the fields given, a wildcard for similar names',
      spl: '* | table host error*',
      events: [event],
      rows: [{ host: 'h', error_code: '7', error_text: 'x', source: null }],
    },
    {
      name: 'fields: keep a list',
      spl: '* | fields source, sourcetype',
      events: [event],
      rows: [{ source: 's', sourcetype: 'st', host: null }],
    },
    {
      name: 'fields -: remove a list',
      spl: '* | fields - error*',
      events: [event],
      rows: [{ host: 'h', error_code: null, error_text: null }],
    },
  ],
};

export default page;
