// Search Reference, "fromjson" and "xmlkv": the top-level keys of a JSON object, and each XML
// element's text under its tag name, become fields. Inputs written for them.
import type { DocPage } from '../doc-example.ts';

const page: DocPage = {
  title: 'fromjson, xmlkv',
  path: 'search-commands/fromjson',
  examples: [
    {
      name: 'fromjson: top-level keys; an array becomes a multivalue',
      spl: '| makeresults | eval object=json_object("name", "maria", "age", 30, "tags", json_array("a", "b")) | fromjson object',
      rows: [{ name: 'maria', age: '30', tags: ['a', 'b'] }],
    },
    {
      name: 'fromjson prefix=',
      spl: '| makeresults | eval object=json_object("name", "maria") | fromjson object prefix=p_',
      rows: [{ p_name: 'maria', name: null }],
    },
    {
      name: 'xmlkv: <tag>text</tag> becomes tag=text',
      spl: '* | xmlkv',
      events: [{ _raw: '<event><user>ann</user><action>login</action></event>' }],
      rows: [{ user: 'ann', action: 'login' }],
    },
  ],
};

export default page;
