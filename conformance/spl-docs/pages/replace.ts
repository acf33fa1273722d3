// Search Reference, "replace": the examples (a value, a wildcard value, several fields, the
// order of words changed with wildcards), with inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'replace',
  path: 'search-commands/replace',
  examples: [
    {
      name: 'a value ending in localhost becomes localhost',
      spl: '* | replace *localhost WITH localhost IN host',
      events: [{ host: 'mail.localhost' }, { host: 'web1' }],
      rows: [{ host: 'localhost' }, { host: 'web1' }],
    },
    {
      name: 'an IP address becomes a name',
      spl: '* | replace 127.0.0.1 WITH localhost IN host',
      events: [{ host: '127.0.0.1', ip: '127.0.0.1' }],
      rows: [{ host: 'localhost', ip: '127.0.0.1' }],
    },
    {
      name: 'the same value in two fields',
      spl: '* | replace aug WITH August IN start_month, end_month',
      events: [{ start_month: 'aug', end_month: 'aug', note: 'aug' }],
      rows: [{ start_month: 'August', end_month: 'August', note: 'aug' }],
    },
    {
      name: 'wildcards move the word localhost to the front',
      spl: '* | replace "* localhost" WITH "localhost *" IN host',
      events: [{ host: 'mail localhost' }],
      rows: [{ host: 'localhost mail' }],
    },
    {
      name: 'several pairs; without IN every field',
      spl: '* | replace 0 WITH Critical, 1 WITH Error',
      events: [{ msg_level: '0', other: '1' }],
      rows: [{ msg_level: 'Critical', other: 'Error' }],
    },
  ],
};

export default page;
