// Search Reference, "lookup", "inputlookup" and the eval lookup() function: OUTPUT overwrites,
// OUTPUTNEW fills only fields without a value, AS renames on both sides; lookup tables written
// for them.
import type { DocPage } from '../doc-example.ts';

const usertogroup = 'user,group\nann,admins\nbob,users\n';
const httpStatus =
  'status,status_description,status_type\n200,OK,Successful\n404,Not Found,Client Error\n';

const page: DocPage = {
  title: 'lookup',
  path: 'search-commands/lookup',
  examples: [
    {
      name: 'AS on both sides: user matched against local_user, group output as user_group',
      spl: '* | lookup usertogroup.csv user AS local_user OUTPUT group AS user_group',
      lookups: { 'usertogroup.csv': usertogroup },
      events: [{ local_user: 'ann' }, { local_user: 'carl' }],
      rows: [
        { local_user: 'ann', user_group: 'admins' },
        { local_user: 'carl', user_group: null },
      ],
    },
    {
      name: 'OUTPUT overwrites a field that has a value',
      spl: '* | lookup usertogroup.csv user OUTPUT group',
      lookups: { 'usertogroup.csv': usertogroup },
      events: [{ user: 'bob', group: 'old' }],
      rows: [{ user: 'bob', group: 'users' }],
    },
    {
      name: 'OUTPUTNEW leaves a field that has a value',
      spl: '* | lookup usertogroup.csv user OUTPUTNEW group',
      lookups: { 'usertogroup.csv': usertogroup },
      events: [{ user: 'bob', group: 'old' }, { user: 'ann' }],
      rows: [
        { user: 'bob', group: 'old' },
        { user: 'ann', group: 'admins' },
      ],
    },
    {
      name: 'no OUTPUT: every other column of the table',
      spl: '* | lookup http_status.csv status',
      lookups: { 'http_status.csv': httpStatus },
      events: [{ status: '404' }],
      rows: [{ status_description: 'Not Found', status_type: 'Client Error' }],
    },
    {
      name: 'inputlookup: the rows of the table',
      spl: '| inputlookup usertogroup.csv',
      lookups: { 'usertogroup.csv': usertogroup },
      rows: [
        { user: 'ann', group: 'admins' },
        { user: 'bob', group: 'users' },
      ],
    },
    {
      name: 'eval lookup() (Comparison and Conditional functions): the output fields as a JSON object',
      spl: '| makeresults | eval result=lookup("http_status.csv", json_object("status", "200"), json_array("status_description"))',
      lookups: { 'http_status.csv': httpStatus },
      rows: [{ result: '{"status_description":"OK"}' }],
    },
  ],
};

export default page;
