// Search Reference, "Comparison and Conditional functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const statuses = ['200', '200', '408', '200', '404', '200', '406', '500', '200'].map((status) => ({
  status,
}));

const page: DocPage = {
  title: 'Comparison and Conditional functions',
  path: 'evaluation-functions/comparison-and-conditional-functions',
  examples: [
    {
      name: 'case: a description per HTTP status, null when no condition holds',
      spl: '* | eval description=case(status==200, "OK", status==404, "Not found", status==500, "Internal Server Error") | table status description',
      events: statuses,
      rows: ['OK', 'OK', null, 'OK', 'Not found', 'OK', null, 'Internal Server Error', 'OK'].map(
        (description, i) => ({ status: statuses[i]?.status ?? null, description }),
      ),
    },
    {
      name: 'cidrmatch: an IPv4 address outside the subnet',
      spl: '| makeresults | eval subnet="192.0.2.0/24", ip="192.0.3.0" | eval result=if(cidrmatch(subnet, ip), "true", "false")',
      rows: [{ ip: '192.0.3.0', result: 'false', subnet: '192.0.2.0/24' }],
    },
    {
      name: 'cidrmatch: where keeps an IPv4 address inside the subnet',
      spl: '| makeresults | eval ip="192.0.2.56" | where cidrmatch("192.0.2.0/24", ip)',
      rows: [{ ip: '192.0.2.56' }],
    },
    {
      name: 'cidrmatch: the search command matches the same subnet',
      spl: '| makeresults | eval ip="192.0.2.56" | search ip="192.0.2.0/24"',
      rows: [{ ip: '192.0.2.56' }],
    },
    {
      name: 'cidrmatch: an IPv6 address inside a /120',
      spl: '| makeresults | eval subnet="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120", ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | eval result = if(cidrmatch(subnet, ip), "true", "false")',
      rows: [{ result: 'true' }],
    },
    {
      name: 'cidrmatch: where keeps an IPv6 address inside a /120',
      spl: '| makeresults | eval ip="2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99" | where cidrmatch("2001:0db8:ffff:ffff:ffff:ffff:ffff:ff00/120", ip)',
      rows: [{ ip: '2001:0db8:ffff:ffff:ffff:ffff:ffff:ff99' }],
    },
    {
      name: 'cidrmatch: isLocal from the subnet',
      spl: '* | eval isLocal=if(cidrmatch("123.132.32.0/25",ip), "local", "not local")',
      events: [{ ip: '123.132.32.5' }, { ip: '123.132.32.200' }],
      rows: [{ isLocal: 'local' }, { isLocal: 'not local' }],
    },
    {
      name: 'coalesce: the first field that is not null, clientip before ipaddress',
      spl: '* | eval ip=coalesce(clientip,ipaddress)',
      events: [
        { clientip: '10.0.0.1' },
        { ipaddress: '10.0.0.2' },
        { clientip: '10.0.0.3', ipaddress: '10.0.0.4' },
      ],
      rows: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }],
    },
    {
      name: 'if: OK when error is 200, Error otherwise',
      spl: '* | eval err=if(error == 200, "OK", "Error")',
      events: [{ error: '200' }, { error: '500' }],
      rows: [{ err: 'OK' }, { err: 'Error' }],
    },
    {
      name: 'in: where keeps the statuses in the list',
      spl: '* | where status in("400", "401", "403", "404")',
      events: [{ status: '200' }, { status: '401' }, { status: '404' }],
      rows: [{ status: '401' }, { status: '404' }],
    },
    {
      name: 'in: inside if',
      spl: '* | eval error=if(in(status, "error", "failure", "severe"),"true","false")',
      events: [{ status: 'failure' }, { status: 'ok' }],
      rows: [{ error: 'true' }, { error: 'false' }],
    },
    {
      name: 'in: a value in either of two fields',
      spl: '* | where "203.0.113.255" in(ipaddress, clientip)',
      events: [
        { ipaddress: '203.0.113.255', clientip: '1.1.1.1' },
        { ipaddress: '1.1.1.1', clientip: '203.0.113.255' },
        { ipaddress: '1.1.1.1', clientip: '2.2.2.2' },
      ],
      rows: [{ ipaddress: '203.0.113.255' }, { clientip: '203.0.113.255' }],
    },
    {
      name: 'in: counts by error',
      spl: '* | eval error=if(in(status, "404","500","503"),"true","false") | stats count by error',
      events: [{ status: '404' }, { status: '200' }, { status: '503' }],
      rows: [
        { error: 'false', count: '1' },
        { error: 'true', count: '2' },
      ],
    },
    {
      name: 'like: starts with foo',
      spl: '* | eval is_a_foo=if(like(field, "foo%"), "yes a foo", "not a foo")',
      events: [{ field: 'foobar' }, { field: 'barfoo' }],
      rows: [{ is_a_foo: 'yes a foo' }, { is_a_foo: 'not a foo' }],
    },
    {
      name: 'like: where an address starts with 198.',
      spl: '* | where like(ipaddress, "198.%")',
      events: [{ ipaddress: '198.51.100.1' }, { ipaddress: '203.0.113.1' }],
      rows: [{ ipaddress: '198.51.100.1' }],
    },
    {
      name: 'match: a full match of an IPv4 address pattern',
      spl: '* | eval n=if(match(field, "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"), 1, 0)',
      events: [{ field: '10.1.2.3' }, { field: 'x10.1.2.3' }],
      rows: [{ n: '1' }, { n: '0' }],
    },
    {
      name: 'match: a value stored with quotation marks',
      spl: '| makeresults | eval test="\\"yes\\""  | eval matches = if(match(test, "\\"yes\\""), 1, 0)',
      rows: [{ test: '"yes"', matches: '1' }],
    },
    {
      name: 'nullif: null where names and ponies are equal',
      spl: '| makeresults | eval names="buttercup rarity tenderhoof dash" | makemv delim=" " names | mvexpand names | eval ponies = if(names="buttercup", "mistmane", names) | eval compare = nullif(names, ponies)',
      rows: [
        { names: 'buttercup', ponies: 'mistmane', compare: 'buttercup' },
        { names: 'rarity', ponies: 'rarity', compare: null },
        { names: 'tenderhoof', ponies: 'tenderhoof', compare: null },
        { names: 'dash', ponies: 'dash', compare: null },
      ],
    },
    {
      name: 'searchmatch: the result matches "x=hi y=*"',
      spl: '| makeresults 1 | eval _raw = "x=hi y=bye" | eval x="hi" | eval y="bye" | eval test=if(searchmatch("x=hi y=*"), "yes", "no") | table _raw test x y',
      rows: [{ _raw: 'x=hi y=bye', test: 'yes', x: 'hi', y: 'bye' }],
    },
    {
      name: 'true: the default of case',
      spl: '* | eval description=case(status==200,"OK", status==404, "Not found", true(), "Other") | table status description',
      events: statuses,
      rows: ['OK', 'OK', 'Other', 'OK', 'Not found', 'OK', 'Other', 'Other', 'OK'].map(
        (description, i) => ({ status: statuses[i]?.status ?? null, description }),
      ),
    },
    {
      name: 'validate: the message of the first condition that is false',
      spl: '* | eval n=validate(isint(port), "ERROR: Port is not an integer", port >= 1 AND port <= 65535, "ERROR: Port is out of range")',
      events: [{ port: '80' }, { port: 'http' }, { port: '70000' }],
      rows: [
        { n: null },
        { n: 'ERROR: Port is not an integer' },
        { n: 'ERROR: Port is out of range' },
      ],
    },
  ],
};

export default page;
