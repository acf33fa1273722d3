// Search Reference, "rex": the examples, with the page's sample events where it gives them.
import type { DocPage } from '../doc-example.ts';

const mail = [
  "Mon Mar 19 20:16:27 2018 Info: Bounced: DCID 8413617 MID 19338947 From: <MariaDubois@example.com> To: <zecora@buttercupgames.com> RID 0 - 5.4.7 - Delivery expired (message too old) ('000', ['timeout'])",
  "Mon Mar 19 20:16:03 2018 Info: Delayed: DCID 8414309 MID 19410908 From: <WeiZhang@example.com> To: <mcintosh@buttercupgames.com> RID 0 - 4.3.2 - Not accepting messages at this time ('421', ['4.3.2 try again later'])",
  "Mon Mar 19 20:16:02 2018 Info: Bounced: DCID 0 MID 19408690 From: <Exit_Desk@sample.net> To: <lyra@buttercupgames.com> RID 0 - 5.1.2 - Bad destination host ('000', ['DNS Hard Error looking up mahidnrasatyambsg.com (MX): NXDomain'])",
  "Mon Mar 19 20:15:53 2018 Info: Delayed: DCID 8414166 MID 19410657 From: <Manish_Das@example.com> To: <dash@buttercupgames.com> RID 0 - 4.3.2 - Not accepting messages at this time ('421', ['4.3.2 try again later'])",
];

const page: DocPage = {
  title: 'rex',
  path: 'search-commands/rex',
  examples: [
    {
      name: 'from and to addresses, deduplicated',
      spl: '* | rex field=_raw "From: <(?<from>.*)> To: <(?<to>.*)>" | dedup from to | table from to',
      events: [...mail, mail[0] as string].map((_raw) => ({ _raw })),
      rows: [
        { from: 'MariaDubois@example.com', to: 'zecora@buttercupgames.com' },
        { from: 'WeiZhang@example.com', to: 'mcintosh@buttercupgames.com' },
        { from: 'Exit_Desk@sample.net', to: 'lyra@buttercupgames.com' },
        { from: 'Manish_Das@example.com', to: 'dash@buttercupgames.com' },
      ],
    },
    {
      name: 'max_match=0: every match into multivalues',
      spl: '| makeresults | eval test="a$1,b$2" | rex field=test max_match=0 "((?<field>[^$]*)\\$(?<value>[^,]*),?)"',
      rows: [{ field: ['a', 'b'], test: 'a$1,b$2', value: ['1', '2'] }],
    },
    {
      name: 'user, app and saved search name of a savedsearch_id',
      spl: '* | rex field=savedsearch_id "(?<user>\\w+);(?<app>\\w+);(?<SavedSearchName>\\w+)"',
      events: [{ savedsearch_id: 'bob;search;my_saved_search' }],
      rows: [{ user: 'bob', app: 'search', SavedSearchName: 'my_saved_search' }],
    },
    {
      name: 'sed: card numbers anonymised',
      spl: '* | rex field=ccnumber mode=sed "s/(\\d{4}-){3}/XXXX-XXXX-XXXX-/g"',
      events: [{ ccnumber: '1234-5678-9012-3456' }],
      rows: [{ ccnumber: 'XXXX-XXXX-XXXX-3456' }],
    },
    {
      name: 'sed: capture groups in the replacement',
      spl: '|makeresults |eval orig_search="src_ip=TERM( \\"10.8.2.33\\" ) OR src_ip=TERM( \\"172.17.154.197\\" )", search=orig_search |rex mode=sed field=search "s/\\s\\"(\\d+\\.\\d+\\.\\d+\\.\\d+)\\"\\s/\\1/g"',
      rows: [
        {
          orig_search: 'src_ip=TERM( "10.8.2.33" ) OR src_ip=TERM( "172.17.154.197" )',
          search: 'src_ip=TERM(10.8.2.33) OR src_ip=TERM(172.17.154.197)',
        },
      ],
    },
    {
      name: 'offset_field: where the first five letters are',
      spl: '| makeresults | eval list="abcdefghijklmnopqrstuvwxyz" | rex offset_field=off field=list "(?<firstfive>abcde)"',
      rows: [{ firstfive: 'abcde', off: 'firstfive=0-4' }],
    },
    {
      name: 'offset_field: where fgh is',
      spl: '| makeresults | eval list="abcdefghijklmnopqrstuvwxyz" | rex offset_field=off field=list "(?<middle>fgh)"',
      rows: [{ middle: 'fgh', off: 'middle=5-7' }],
    },
    {
      name: 'sed on _raw: newlines removed, then the HTML redacted',
      spl: '* | rex mode=sed field=_raw "s/\\\\n/NEWLINE_REMOVED/g" | rex mode=sed field=_raw "s/<html.*html>/REDACTED/g"',
      events: [{ _raw: 'before <html>\n<body>x</body>\n</html> after' }],
      rows: [{ _raw: 'before REDACTED after' }],
    },
  ],
};

export default page;
