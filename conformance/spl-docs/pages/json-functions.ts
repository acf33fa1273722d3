// Search Reference, "JSON functions": the examples that state their result. The page's cities
// examples read `{}.name` and `{0}` from the field, so the field here holds the cities array.
import type { DocPage } from '../doc-example.ts';

const cities = JSON.stringify([
  {
    name: 'London',
    Bridges: [
      { name: 'Tower Bridge', length: 801 },
      { name: 'Millennium Bridge', length: 1066 },
    ],
  },
  {
    name: 'Venice',
    Bridges: [
      { name: 'Rialto Bridge', length: 157 },
      { name: 'Bridge of Sighs', length: 36 },
      { name: 'Ponte della Paglia' },
    ],
  },
  {
    name: 'San Francisco',
    Bridges: [
      { name: 'Golden Gate Bridge', length: 8981 },
      { name: 'Bay Bridge', length: 23556 },
    ],
  },
]);

const games = JSON.stringify({
  category: {
    boardgames: {
      cooperative: [{ name: 'Pandemic' }, { name: 'Forbidden Island' }, { name: 'Castle Panic' }],
    },
  },
});

const page: DocPage = {
  title: 'JSON functions',
  path: 'evaluation-functions/json-functions',
  examples: [
    {
      name: 'json_object: a basic object',
      spl: '| makeresults | eval name = json_object("name", "maria")',
      rows: [{ name: '{"name":"maria"}' }],
    },
    {
      name: 'json_object: an array value',
      spl: '| makeresults | eval firstnames = json_object("name", json_array("maria", "arun"))',
      rows: [{ firstnames: '{"name":["maria","arun"]}' }],
    },
    {
      name: 'json_object: a JSON array of cities',
      spl: '| makeresults | eval  locations = json_object("cities", json_array("London", "Sydney", "Berlin", "Santiago"))',
      rows: [{ locations: '{"cities":["London","Sydney","Berlin","Santiago"]}' }],
    },
    {
      name: 'json_object: nested objects and an array field',
      spl: '| makeresults | eval gamelist = json_array("Pandemic", "Forbidden Island", "Castle Panic"), games = json_object("category", json_object("boardgames", json_object("cooperative", gamelist)))',
      rows: [
        {
          games:
            '{"category":{"boardgames":{"cooperative":["Pandemic","Forbidden Island","Castle Panic"]}}}',
        },
      ],
    },
    {
      name: 'json: a JSON value is returned as it is',
      spl: '| makeresults | eval animals = json_object("animal", "pony"), result = json(animals)',
      rows: [{ animals: '{"animal":"pony"}', result: '{"animal":"pony"}' }],
    },
    {
      name: 'json: text that is not JSON is null',
      spl: '* | eval bridgesAsJson = json(bridges)',
      events: [{ bridges: 'Golden Gate Bridge' }],
      rows: [{ bridgesAsJson: null }],
    },
    {
      name: 'json_append: a string to an array',
      spl: '| makeresults | eval ponies = json_object("ponylist", json_array("Minty", "Rarity", "Buttercup")), updatePonies = json_append(ponies, "ponylist", "Fluttershy")',
      rows: [{ updatePonies: '{"ponylist":["Minty","Rarity","Buttercup","Fluttershy"]}' }],
    },
    {
      name: 'json_append: to a nested array',
      spl: '| makeresults | eval ponyDetails = json_object("Fluttershy", json_object("ponySkills", json_array("running", "jumping"))), ponyDetailsUpdated = json_append(ponyDetails, "Fluttershy.ponySkills", "codebreaking")',
      rows: [
        {
          ponyDetailsUpdated: '{"Fluttershy":{"ponySkills":["running","jumping","codebreaking"]}}',
        },
      ],
    },
    {
      name: 'json_array: a basic array',
      spl: '| makeresults | eval ponies = json_array("buttercup", "fluttershy", "rarity")',
      rows: [{ ponies: '["buttercup","fluttershy","rarity"]' }],
    },
    {
      name: 'json_array: a string and an object',
      spl: '| makeresults | eval surname = json_array("dubois", json_object("name", "patel"))',
      rows: [{ surname: '["dubois",{"name":"patel"}]' }],
    },
    {
      name: 'json_array_to_mv: quotes removed',
      spl: '| makeresults | eval ponies = json_array("Buttercup", "Fluttershy", "Rarity"), my_sweet_ponies = json_array_to_mv(ponies)',
      rows: [{ my_sweet_ponies: ['Buttercup', 'Fluttershy', 'Rarity'] }],
    },
    {
      name: 'json_array_to_mv: quotes kept',
      spl: '| makeresults | eval ponies = json_array("Buttercup", "Fluttershy", "Rarity"), my_sweet_ponies = json_array_to_mv(ponies,true())',
      rows: [{ my_sweet_ponies: ['"Buttercup"', '"Fluttershy"', '"Rarity"'] }],
    },
    {
      name: 'json_delete: keys from an object literal (SPL 10 object literals)',
      spl: '| makeresults | eval object = {"name":"Wei Zhang", "SSN":"123-45-6789", "city":"Seattle", "accounts":["Hagal Quartz", "Caladan Water", "Arrakis Spices"]} | eval sales_account = json_delete(object, "SSN", "accounts")',
      rows: [{ sales_account: '{"name":"Wei Zhang","city":"Seattle"}' }],
    },
    {
      name: 'json_delete: a nested key',
      spl: '* | eval result = json_delete(employee, "addresses.email")',
      events: [
        {
          employee:
            '{"name":"Celestino Paulo", "company":"Isthmus Pastimes", "addresses": {"email":"celestino@sample.com", "office":"edificio 890 Avenida Demetrio Panama City Panama"}}',
        },
      ],
      rows: [
        {
          result:
            '{"name":"Celestino Paulo","company":"Isthmus Pastimes","addresses":{"office":"edificio 890 Avenida Demetrio Panama City Panama"}}',
        },
      ],
    },
    {
      name: 'json_entries: key and value of each member',
      spl: '| makeresults | eval entries=json_entries("{\\"a\\": 1, \\"b\\": 2}")',
      rows: [{ entries: '[{"key":"a","value":1},{"key":"b","value":2}]' }],
    },
    {
      name: 'json_entries: a field of objects',
      spl: '* | eval array_format = json_entries(employee_record)',
      events: [
        { employee_record: '{"name":"maria","age":25,"status":"full-time"}' },
        { employee_record: '{"name":"charlie","age":21,"status":"part-time"}' },
      ],
      rows: [
        {
          array_format:
            '[{"key":"name","value":"maria"},{"key":"age","value":25},{"key":"status","value":"full-time"}]',
        },
        {
          array_format:
            '[{"key":"name","value":"charlie"},{"key":"age","value":21},{"key":"status","value":"part-time"}]',
        },
      ],
    },
    {
      name: 'json_extend: strings flattened into the array',
      spl: '| makeresults | eval fakeBandsInMovies = json_object("fakeMovieBandList", json_array("The Blues Brothers", "Spinal Tap", "Wyld Stallyns")), updateBandList = json_extend(fakeBandsInMovies, "fakeMovieBandList", json_array("The Soggy Bottom Boys", "The Weird Sisters", "The Barden Bellas"))',
      rows: [
        {
          updateBandList:
            '{"fakeMovieBandList":["The Blues Brothers","Spinal Tap","Wyld Stallyns","The Soggy Bottom Boys","The Weird Sisters","The Barden Bellas"]}',
        },
      ],
    },
    {
      name: 'json_extend: an object from a second array',
      spl: '| makeresults | eval dndChars = json_object("characterClasses", json_array("wizard", "rogue", "barbarian")), array2 = json_array(json_object("artifact", "deck of many things")), updatedParty = json_extend(dndChars, "characterClasses", array2)',
      rows: [
        {
          updatedParty:
            '{"characterClasses":["wizard","rogue","barbarian",{"artifact":"deck of many things"}]}',
        },
      ],
    },
    {
      name: 'json_extract: {0}, the first city',
      spl: '* | eval London=json_extract(cities,"{0}")',
      events: [{ cities }],
      rows: [
        {
          London:
            '{"name":"London","Bridges":[{"name":"Tower Bridge","length":801},{"name":"Millennium Bridge","length":1066}]}',
        },
      ],
    },
    {
      name: 'json_extract: {2}, the third city',
      spl: '* | eval San_Francisco=json_extract(cities,"{2}")',
      events: [{ cities }],
      rows: [
        {
          San_Francisco:
            '{"name":"San Francisco","Bridges":[{"name":"Golden Gate Bridge","length":8981},{"name":"Bay Bridge","length":23556}]}',
        },
      ],
    },
    {
      name: 'json_extract: {}.name, every city name',
      spl: '* | eval my_cities=json_extract(cities,"{}.name")',
      events: [{ cities }],
      rows: [{ my_cities: '["London","Venice","San Francisco"]' }],
    },
    {
      name: 'json_extract: {}.Bridges{}, every bridge',
      spl: '* | eval Bridges=json_extract(cities,"{}.Bridges{}")',
      events: [{ cities }],
      rows: [
        {
          Bridges:
            '[{"name":"Tower Bridge","length":801},{"name":"Millennium Bridge","length":1066},{"name":"Rialto Bridge","length":157},{"name":"Bridge of Sighs","length":36},{"name":"Ponte della Paglia"},{"name":"Golden Gate Bridge","length":8981},{"name":"Bay Bridge","length":23556}]',
        },
      ],
    },
    {
      name: 'json_extract: {}.Bridges{}.name, every bridge name',
      spl: '* | eval Bridge_names=json_extract(cities,"{}.Bridges{}.name")',
      events: [{ cities }],
      rows: [
        {
          Bridge_names:
            '["Tower Bridge","Millennium Bridge","Rialto Bridge","Bridge of Sighs","Ponte della Paglia","Golden Gate Bridge","Bay Bridge"]',
        },
      ],
    },
    {
      name: 'json_extract: {2}.Bridges{0}, one bridge',
      spl: '* | eval GG_Bridge=json_extract(cities,"{2}.Bridges{0}")',
      events: [{ cities }],
      rows: [{ GG_Bridge: '{"name":"Golden Gate Bridge","length":8981}' }],
    },
    {
      name: 'json_extract: {2}.Bridges{0}.length, one value',
      spl: '* | eval GG_Bridge_length=json_extract(cities,"{2}.Bridges{0}.length")',
      events: [{ cities }],
      rows: [{ GG_Bridge_length: '8981' }],
    },
    {
      name: 'json_extract_exact: a key with dots',
      spl: '* | eval extracted_path=json_extract_exact(splunk_path, "system.splunk.path")',
      events: [{ splunk_path: '{"system.splunk.path":"/opt/splunk/"}' }],
      rows: [{ extracted_path: '/opt/splunk/' }],
    },
    {
      name: 'json_has_key_exact: a built object',
      spl: '| makeresults | eval test=if(json_has_key_exact(json_object("name", "charlie"), "name"), "has key", "doesn\'t have key")',
      rows: [{ test: 'has key' }],
    },
    {
      name: 'json_has_key_exact: a key with a dot',
      spl: '| makeresults | eval test=if(json_has_key_exact("{\\"charlie.garcia\\":10}", "charlie.garcia"), "has key", "doesn\'t have key")',
      rows: [{ test: 'has key' }],
    },
    {
      name: 'json_has_key_exact: a field of objects',
      spl: '* | eval test_results=if(json_has_key_exact(employee_record, "status"), "has key", "doesn\'t have key")',
      events: [
        { employee_record: '{"name":"maria","age":25,"status":"full-time"}' },
        { employee_record: '{"name":"charlie","age":21,"region":"US"}' },
      ],
      rows: [{ test_results: 'has key' }, { test_results: "doesn't have key" }],
    },
    {
      name: 'json_keys: the keys of each object',
      spl: '* | eval bridge_keys = json_keys(bridges)',
      events: [
        {
          bridges:
            '{"name": "Clifton Suspension Bridge", "length": 1352, "city": "Bristol", "country": "England"}',
        },
        {
          bridges:
            '{"name":"Rialto Bridge","length":157, "city": "Venice", "region": "Veneto", "country": "Italy"}',
        },
      ],
      rows: [
        { bridge_keys: '["name","length","city","country"]' },
        { bridge_keys: '["name","length","city","region","country"]' },
      ],
    },
    {
      name: 'json_set: a new key with a list of objects',
      spl: '* | eval my_games = json_set(games,"category.boardgames.competitive", json_array(json_object("name", "Settlers of Catan"), json_object("name", "Terraforming Mars"), json_object("name", "Ticket to Ride")))',
      events: [{ games }],
      rows: [
        {
          my_games:
            '{"category":{"boardgames":{"cooperative":[{"name":"Pandemic"},{"name":"Forbidden Island"},{"name":"Castle Panic"}],"competitive":[{"name":"Settlers of Catan"},{"name":"Terraforming Mars"},{"name":"Ticket to Ride"}]}}}',
        },
      ],
    },
    {
      name: 'json_set_exact: a key with dots',
      spl: '| makeresults | eval my_object=json_object(), splunk_path=json_set_exact(my_object, "system.splunk.path", "/opt/splunk")',
      rows: [{ splunk_path: '{"system.splunk.path":"/opt/splunk"}' }],
    },
    {
      name: 'json_set: dots make nested objects',
      spl: '| makeresults | eval my_object=json_object(), splunk_path=json_set(my_object, "system.splunk.path", "/opt/splunk")',
      rows: [{ splunk_path: '{"system":{"splunk":{"path":"/opt/splunk"}}}' }],
    },
    {
      name: 'json_valid: a valid object',
      spl: '* | eval IsValid = if(json_valid(firstnames), "true", "false")',
      events: [{ firstnames: '{ "names": ["maria", "arun"] }' }, { firstnames: '{names: 1}' }],
      rows: [{ IsValid: 'true' }, { IsValid: 'false' }],
    },
  ],
};

export default page;
