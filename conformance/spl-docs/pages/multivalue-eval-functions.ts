// Search Reference, "Multivalue eval functions": the examples that state their result.
import type { DocPage } from '../doc-example.ts';

const names = ['alex', 'celestino', 'claudia', 'david', 'ikraam', 'nyah', 'rutherford', 'wei'];
const ponies = ['buttercup', 'dash', 'flutter', 'honey', 'ivory', 'minty', 'pinky', 'rarity'];

const page: DocPage = {
  title: 'Multivalue eval functions',
  path: 'evaluation-functions/multivalue-eval-functions',
  examples: [
    {
      name: 'commands: the commands of a search string',
      spl: '| makeresults | eval x=commands("search foo | stats count | sort count")',
      rows: [{ x: ['search', 'stats', 'sort'] }],
    },
    {
      name: 'mvappend: literals and fields',
      spl: '* | eval ipaddresses=mvappend("localhost", srcip, destip, "192.168.1.1")',
      events: [{ srcip: '203.0.113.0', destip: '203.0.113.255' }],
      rows: [{ ipaddresses: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] }],
    },
    {
      name: 'mvappend: nested, the same result',
      spl: '* | eval ipaddresses=mvappend(mvappend("localhost", srcip), destip, "192.168.1.1")',
      events: [{ srcip: '203.0.113.0', destip: '203.0.113.255' }],
      rows: [{ ipaddresses: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] }],
    },
    {
      name: 'mvcount: addresses in To, From and Cc; null without Cc',
      spl: '* | eval To_count=mvcount(split(To,"@"))-1 | eval From_count=mvcount(From) | eval Cc_count= mvcount(split(Cc,"@"))-1',
      events: [{ To: 'a@x.com, b@y.com', From: 'c@z.com' }],
      rows: [{ To_count: '2', From_count: '1', Cc_count: null }],
    },
    {
      name: 'mvfilter: addresses ending in .net or .org',
      spl: '* | eval n=mvfilter(match(email, "\\.net$") OR match(email, "\\.org$"))',
      events: [{ email: ['a@x.com', 'b@y.net', 'c@z.org'] }],
      rows: [{ n: ['b@y.net', 'c@z.org'] }],
    },
    {
      name: 'mvfind: the index of the first match',
      spl: '* | eval n=mvfind(mymvfield, "err\\d+")',
      events: [{ mymvfield: ['ok', 'warn', 'err42', 'err7'] }],
      rows: [{ n: '2' }],
    },
    {
      name: 'mvindex: one value',
      spl: '* | eval my_names=mvindex(names,2)',
      events: [{ names }],
      rows: [{ my_names: 'claudia' }],
    },
    {
      name: 'mvindex: the first four',
      spl: '* | eval my_names=mvindex(names,0,3)',
      events: [{ names }],
      rows: [{ my_names: ['alex', 'celestino', 'claudia', 'david'] }],
    },
    {
      name: 'mvindex: the last value',
      spl: '* | eval my_ponies=mvindex(ponies,-1)',
      events: [{ ponies }],
      rows: [{ my_ponies: 'rarity' }],
    },
    {
      name: 'mvindex: the third from the end',
      spl: '* | eval my_ponies=mvindex(ponies,-3)',
      events: [{ ponies }],
      rows: [{ my_ponies: 'minty' }],
    },
    {
      name: 'mvindex: the last three',
      spl: '* | eval my_ponies=mvindex(ponies, -3, -1)',
      events: [{ ponies }],
      rows: [{ my_ponies: ['minty', 'pinky', 'rarity'] }],
    },
    {
      name: 'mvjoin: a range joined with OR',
      spl: '| makeresults | eval base=mvrange(1,6), joined=mvjoin(\'base\'," OR ")',
      rows: [{ joined: '1 OR 2 OR 3 OR 4 OR 5' }],
    },
    {
      name: 'mvmap: each value times 10',
      spl: '* | eval n=mvmap(results, results*10)',
      events: [{ results: ['1', '2', '3'] }],
      rows: [{ n: ['10', '20', '30'] }],
    },
    {
      name: 'mvmap: the second and third values times a threshold',
      spl: '* | eval n=mvmap(mvindex(results, 1,2), results*threshold)',
      events: [{ results: ['1', '2', '3'], threshold: '5' }],
      rows: [{ n: ['10', '15'] }],
    },
    {
      name: 'mvrange: odd numbers below 11',
      spl: '| makeresults | eval mv=mvrange(1,11,2)',
      rows: [{ mv: ['1', '3', '5', '7', '9'] }],
    },
    {
      name: 'mvrange: a 7d step through UNIX times (the page ran in a US time zone: DST in March)',
      spl: '| makeresults | eval mv=mvrange(1514834731,1524134919,"7d")',
      tz: 'America/Los_Angeles',
      rows: [
        {
          mv: [
            '1514834731',
            '1515439531',
            '1516044331',
            '1516649131',
            '1517253931',
            '1517858731',
            '1518463531',
            '1519068331',
            '1519673131',
            '1520277931',
            '1520879131',
            '1521483931',
            '1522088731',
            '1522693531',
            '1523298331',
            '1523903131',
          ],
        },
      ],
    },
    {
      name: 'mvreverse: a split value',
      spl: '| makeresults | eval a=mvreverse(split("1,2,3", ","))',
      rows: [{ a: ['3', '2', '1'] }],
    },
    {
      name: 'mvreverse: an appended value',
      spl: '| makeresults | eval b = mvappend("1","2","3"), a=mvreverse(b)',
      rows: [{ a: ['3', '2', '1'] }],
    },
    {
      name: 'mvreverse: after makemv tokenizer',
      spl: '| makeresults | eval myfield = "one,two,three" | makemv tokenizer = "([^,]+),?" myfield | eval new_myfield = mvreverse(myfield)',
      rows: [{ new_myfield: ['three', 'two', 'one'] }],
    },
    {
      name: 'mvsort: lexicographic',
      spl: '* | eval s=mvsort(mvfield)',
      events: [{ mvfield: ['10', '9', '70', '100'] }],
      rows: [{ s: ['10', '100', '70', '9'] }],
    },
    {
      name: 'mvzip: default comma',
      spl: '* | eval nserver=mvzip(hosts,ports)',
      events: [{ hosts: ['a', 'b'], ports: ['80', '443'] }],
      rows: [{ nserver: ['a,80', 'b,443'] }],
    },
    {
      name: 'mvzip: three fields with a pipe',
      spl: '* | eval three_fields=mvzip(mvzip(field1,field2,"|"),field3,"|")',
      events: [{ field1: ['a', 'b'], field2: ['1', '2'], field3: ['x', 'y'] }],
      rows: [{ three_fields: ['a|1|x', 'b|2|y'] }],
    },
    {
      name: 'mv_to_json_array: values as strings',
      spl: '| makeresults | eval ponies = mvappend("\\"Buttercup\\"", "\\"Fluttershy\\"", "\\"Rarity\\"", "true", "null") | eval my_sweet_ponies = mv_to_json_array(ponies, false())',
      rows: [
        { my_sweet_ponies: '["\\"Buttercup\\"","\\"Fluttershy\\"","\\"Rarity\\"","true","null"]' },
      ],
    },
    {
      name: 'mv_to_json_array: inferred types',
      spl: '| makeresults | eval ponies = mvappend("\\"Buttercup\\"", "\\"Fluttershy\\"", "\\"Rarity\\"", "true", "null") | eval my_sweet_ponies = mv_to_json_array(ponies, true())',
      rows: [{ my_sweet_ponies: '["Buttercup","Fluttershy","Rarity",true,null]' }],
    },
    {
      name: 'split: an empty delimiter splits into characters',
      spl: '|makeresults |eval test="abcd" |eval results=split(test,"")',
      rows: [{ results: ['a', 'b', 'c', 'd'] }],
    },
    {
      name: 'split: on semicolons',
      spl: '| makeresults | eval test="buttercup;rarity;tenderhoof;dash;mcintosh;fleetfoot;mistmane" | eval ponies=split(test,";")',
      rows: [
        {
          ponies: [
            'buttercup',
            'rarity',
            'tenderhoof',
            'dash',
            'mcintosh',
            'fleetfoot',
            'mistmane',
          ],
        },
      ],
    },
    {
      name: 'split: on a run of characters',
      spl: '|makeresults |eval test="1a2b3c4def567890" |eval results=split(test,"def")',
      rows: [{ results: ['1a2b3c4', '567890'] }],
    },
    {
      name: 'split: on "::"',
      spl: '| makeresults |eval test="name::value"|eval results=split(test,"::")',
      rows: [{ results: ['name', 'value'] }],
    },
  ],
};

export default page;
