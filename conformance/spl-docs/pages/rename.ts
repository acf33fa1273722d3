// Search Reference, "rename": the usage section's examples, with inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'rename',
  path: 'search-commands/rename',
  examples: [
    {
      name: 'a phrase as the new name',
      spl: '* | rename SESSIONID AS "The session ID"',
      events: [{ SESSIONID: 's1' }],
      rows: [{ 'The session ID': 's1', SESSIONID: null }],
    },
    {
      name: 'similarly named fields: EU* AS EMEA*',
      spl: '* | rename EU* AS EMEA*',
      events: [{ EU_UK: '1', EU_DE: '2', EU_PL: '3' }],
      rows: [{ EMEA_UK: '1', EMEA_DE: '2', EMEA_PL: '3', EU_UK: null, EU_DE: null, EU_PL: null }],
    },
    {
      name: 'a different number of wildcards is an error',
      spl: '* | rename EU* AS EMEA',
      fails: true,
    },
    {
      name: 'several fields at once',
      spl: '* | rename usr AS username, dst AS host',
      events: [{ usr: 'ann', dst: 'web1' }],
      rows: [{ username: 'ann', host: 'web1', usr: null, dst: null }],
    },
  ],
};

export default page;
