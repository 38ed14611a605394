// The request bodies whose verdicts verdicts.mjs generates. `text` keeps a
// number literal as written (JSON.parse reads 1.0 as 1, the crate must
// too); `workspace` gives the agents and registered custom fields the
// handler checks against (default: none of either).
const E2E = 'RocketChat/Rocket.Chat@0010981fed857f7ca44b682fe0408899a6cf4c06 apps/meteor/tests/end-to-end/api/livechat/contacts.ts';
const SCHEMA = 'RocketChat/Rocket.Chat@00a70fd1f4aac6bae45ad5a94eaafdb3b12818f5 packages/rest-typings/src/v1/omnichannel.ts POSTOmnichannelContactsSchema';
const HANDLER = 'RocketChat/Rocket.Chat apps/meteor/app/livechat/server/lib/contacts/createContact.ts, validateCustomFields.ts@02b694d8';

export const sources = [
	`${SCHEMA} (re-written as scripts/rocketchat/POSTOmnichannelContactsSchema.json)`,
	'RocketChat/Rocket.Chat@0307fb0f packages/rest-typings/src/v1/Ajv.ts (ajv/dist/2020, coerceTypes: true, allowUnionTypes, discriminator)',
	'RocketChat/Rocket.Chat@019378e3 apps/meteor/app/api/server/ApiClass.ts (validateParams, failure, unauthorized)',
	'RocketChat/Rocket.Chat apps/meteor/app/livechat/server/api/v1/contact.ts (POST omnichannel/contacts: createContact({...bodyParams, unknown: false}))',
	'RocketChat/Rocket.Chat@0499431 apps/meteor/app/livechat/server/lib/contacts/createContact.ts',
	'RocketChat/Rocket.Chat@02b694d8 apps/meteor/app/livechat/server/lib/contacts/validateCustomFields.ts',
	'RocketChat/Rocket.Chat@077d118d apps/meteor/lib/utils/stringUtils.ts (trim)',
	`${E2E} lines 50-440`,
];

const person = { name: 'Jane Doe', emails: ['jane.doe@example.com'], phones: ['415-555-2671'] };
// The custom fields the e2e tests register (contacts.ts:144-175).
const e2eFields = {
	customFields: [
		{ _id: 'cf1', label: 'Custom Field 1', required: true, regexp: '^[0-9]+$' },
		{ _id: 'cf2', label: 'Custom Field 2', required: false, regexp: '^[0-9]+$' },
		{ _id: 'cfOptional', label: 'Optional Custom Field', required: false, regexp: '^[0-9]+$' },
	],
	agents: [],
};
const edge = (what) => `${SCHEMA}; edge case: ${what}`;
const handlerEdge = (what) => `${HANDLER}; edge case: ${what}`;

export const cases = [
	// The server's own end-to-end tests (faker values replaced by fixed ones).
	{ name: 'e2e: create a new contact', source: `${E2E}:63`, body: person },
	{ name: 'e2e: contact manager does not exist', source: `${E2E}:96`, body: { ...person, contactManager: 'invalid' } },
	{ name: 'e2e: contact manager is not a livechat agent', source: `${E2E}:114`, body: { ...person, contactManager: 'pYQn3xTbLwHkGJ4cE' } },
	{
		name: 'e2e: create with a contact manager',
		source: `${E2E}:132`,
		body: { ...person, contactManager: 'agent7dfghjkjhgfdce' },
		workspace: { customFields: [], agents: ['agent7dfghjkjhgfdce'] },
	},
	{ name: 'e2e: custom fields valid', source: `${E2E}:186`, body: { ...person, customFields: { cf1: '123' } }, workspace: e2eFields },
	{ name: 'e2e: required custom field missing', source: `${E2E}:204`, body: { ...person, customFields: {} }, workspace: e2eFields },
	{ name: 'e2e: custom field fails its regexp', source: `${E2E}:220`, body: { ...person, customFields: { cf1: 'invalid' } }, workspace: e2eFields },
	{ name: 'e2e: two custom fields', source: `${E2E}:238`, body: { ...person, customFields: { cf1: '123', cf2: '456' } }, workspace: e2eFields },
	{ name: 'e2e: name missing', source: `${E2E}:332`, body: { emails: person.emails, phones: person.phones } },
	{ name: 'e2e: emails missing', source: `${E2E}:347`, body: { name: person.name, phones: person.phones } },
	{ name: 'e2e: phones missing', source: `${E2E}:362`, body: { name: person.name, emails: person.emails } },
	{ name: 'e2e: emails not an array', source: `${E2E}:377`, body: { name: person.name, emails: 'invalid', phones: person.phones } },
	{ name: 'e2e: emails not strings', source: `${E2E}:393`, body: { name: person.name, emails: [{ invalid: true }], phones: person.phones } },
	{ name: 'e2e: phones not strings', source: `${E2E}:409`, body: { name: person.name, emails: person.emails, phones: [{ invalid: true }] } },
	{ name: 'e2e: additional field', source: `${E2E}:425`, body: { ...person, additional: 'invalid' } },

	// Numbers in string arrays: ajv stores "" + n, JavaScript's String(n).
	{ name: 'number 1.0 and "1" are duplicates', source: edge('1.0 is "1"'), text: '{"name":"A","emails":[1.0,"1"],"phones":[]}' },
	{ name: 'number 1e2 and "100" are duplicates', source: edge('1e2 is "100"'), text: '{"name":"A","emails":[],"phones":[1e2,"100"]}' },
	{ name: 'number -0 and "0" are duplicates', source: edge('-0 is "0"'), text: '{"name":"A","emails":[],"phones":["0",-0]}' },
	{ name: 'number 1.5e3 and "1500" are duplicates', source: edge('1.5e3 is "1500"'), text: '{"name":"A","emails":["1500",1.5e3],"phones":[]}' },
	{
		name: 'a 20-digit number and its double are duplicates',
		source: edge('12345678901234567890 is "12345678901234567000"'),
		text: '{"name":"A","emails":[],"phones":[12345678901234567890,"12345678901234567000"]}',
	},
	{ name: 'number 1.0 alone', source: edge('1.0 becomes "1"'), text: '{"name":"A","emails":[1.0],"phones":[]}' },
	{ name: 'numbers of every layout', source: edge('String(n) layouts'), text: '{"name":"A","emails":[],"phones":[1e2,-0,1.5e3,12345678901234567890,1e21,0.000001,1e-7,-1.5,4.35]}' },
	{ name: 'number 1 and 1.0 are duplicates', source: edge('both are "1"'), text: '{"name":"A","emails":[1,1.0],"phones":[]}' },
	{ name: 'number 1e21 and its exponent form', source: edge('1e21 is "1e+21"'), text: '{"name":"A","emails":["1e+21",1e21],"phones":[]}' },
	{ name: 'number 1e21 and its plain form differ', source: edge('1e21 is not "1000000000000000000000"'), text: '{"name":"A","emails":["1000000000000000000000",1e21],"phones":[]}' },
	{ name: 'number 1e-7 and 0.0000001 are duplicates', source: edge('both are "1e-7"'), text: '{"name":"A","emails":[1e-7,0.0000001],"phones":[]}' },
	{ name: 'number 100 and "100.0" differ', source: edge('100 is "100", not "100.0"'), text: '{"name":"A","emails":[100,"100.0"],"phones":[]}' },

	{ name: 'a number beyond a double', source: edge('JSON.parse reads 1e400 as Infinity, stored as "Infinity"'), text: '{"name":"A","emails":[1e400],"phones":[]}' },
	{ name: 'a member twice', source: edge('JSON.parse keeps the last of a repeated member'), text: '{"name":"A","name":"B","emails":[],"phones":[]}' },
	{ name: 'a lone surrogate', source: edge('JSON.parse keeps a lone surrogate escape in a string'), text: '{"name":"\\ud800","emails":[],"phones":[]}' },

	// Booleans and null in string arrays.
	{ name: 'boolean items', source: edge('true is "true"'), body: { name: 'A', emails: [], phones: [true, false] } },
	{ name: 'boolean and its string are duplicates', source: edge('true is "true"'), body: { name: 'A', emails: [true, 'true'], phones: [] } },
	{ name: 'null item', source: edge('null is ""'), body: { name: 'A', emails: [null], phones: [] } },
	{ name: 'null and "" are duplicates', source: edge('null is ""'), body: { name: 'A', emails: [], phones: ['', null] } },

	// Duplicates.
	{ name: 'duplicate emails', source: edge('uniqueItems'), body: { name: 'A', emails: ['a@b.co', 'a@b.co'], phones: [] } },
	{ name: 'ajv names the later duplicate first', source: edge('uniqueItems scans from the end'), body: { name: 'A', emails: ['a', 'b', 'a', 'b'], phones: [] } },
	{ name: 'emails differing in case are not duplicates', source: edge('uniqueItems compares strings exactly'), body: { name: 'A', emails: ['A@b.co', 'a@b.co'], phones: [] } },
	{ name: 'duplicate __proto__ strings are not seen', source: edge('uniqueItems indexes items in a plain object, where "__proto__" is never stored'), body: { name: 'A', emails: ['__proto__', '__proto__'], phones: [] } },
	{ name: 'duplicate constructor strings are seen', source: edge('uniqueItems with an Object.prototype name'), body: { name: 'A', emails: ['constructor', 'constructor'], phones: [] } },
	{ name: 'a number and a different string', source: edge('no duplicate'), text: '{"name":"A","emails":[],"phones":["+14155552671",14155552671]}' },
	{ name: 'empty arrays', source: edge('no minItems'), body: { name: 'A', emails: [], phones: [] } },

	// name.
	{ name: 'number name', source: edge('name 42 is "42"'), body: { name: 42, emails: [], phones: [] } },
	{ name: 'boolean name', source: edge('name true is "true"'), body: { name: true, emails: [], phones: [] } },
	{ name: 'null name', source: edge('name null is ""'), body: { name: null, emails: [], phones: [] } },
	{ name: 'number name 1.0', source: edge('name 1.0 is "1"'), text: '{"name":1.0,"emails":[],"phones":[]}' },
	{ name: 'array name', source: edge('not coerced'), body: { name: ['x'], emails: [], phones: [] } },
	{ name: 'object name', source: edge('not coerced'), body: { name: {}, emails: [], phones: [] } },

	// emails / phones themselves.
	{ name: 'null emails', source: edge('null is present but not an array'), body: { name: 'A', emails: null, phones: [] } },
	{ name: 'number emails', source: edge('not coerced to an array'), body: { name: 'A', emails: 5, phones: [] } },
	{ name: 'object phones', source: edge('not an array'), body: { name: 'A', emails: [], phones: {} } },
	{ name: 'nested array item', source: edge('not coerced'), body: { name: 'A', emails: [], phones: [['1']] } },

	// customFields.
	{ name: 'null customFields', source: edge('nullable'), body: { ...person, customFields: null } },
	{ name: 'empty-string customFields', source: edge('"" becomes null (nullable)'), body: { ...person, customFields: '' } },
	{ name: 'zero customFields', source: edge('0 becomes null (nullable)'), body: { ...person, customFields: 0 } },
	{ name: 'false customFields', source: edge('false becomes null (nullable)'), body: { ...person, customFields: false } },
	{ name: 'string customFields', source: edge('only "", 0 and false become null'), body: { ...person, customFields: 'x' } },
	{ name: 'true customFields', source: edge('only "", 0 and false become null'), body: { ...person, customFields: true } },
	{ name: 'array customFields', source: edge('not an object'), body: { ...person, customFields: [] } },
	{ name: 'free-form customFields without registered fields', source: edge('any object'), body: { ...person, customFields: {} } },

	// contactManager.
	{ name: 'null contactManager', source: edge('nullable'), body: { ...person, contactManager: null } },
	{ name: 'empty contactManager', source: handlerEdge('"" is not looked up'), body: { ...person, contactManager: '' } },
	{
		name: 'number contactManager',
		source: edge('1234 becomes "1234", then looked up'),
		body: { ...person, contactManager: 1234 },
		workspace: { customFields: [], agents: ['1234'] },
	},
	{
		name: 'boolean contactManager',
		source: edge('true becomes "true", then looked up'),
		body: { ...person, contactManager: true },
		workspace: { customFields: [], agents: ['true'] },
	},
	{ name: 'zero contactManager is looked up', source: handlerEdge('0 becomes "0", truthy, not an agent'), body: { ...person, contactManager: 0 } },
	{ name: 'object contactManager', source: edge('not coerced'), body: { ...person, contactManager: { username: 'agent' } } },

	// Required, additional properties, order of errors.
	{ name: 'nothing', source: edge('required, in order'), body: {} },
	{ name: 'missing before additional', source: edge('required before additionalProperties'), body: { name: 'A', x: 1 } },
	{ name: 'additional before types', source: edge('additionalProperties before properties'), body: { name: {}, emails: 'x', phones: [], customFileds: {} } },
	{ name: 'name type before emails type', source: edge('properties in schema order'), body: { phones: 1, emails: 'x', name: {} } },
	{ name: 'emails before phones duplicates', source: edge('properties in schema order'), body: { name: 'A', phones: ['1', '1'], emails: ['a', 'a'] } },

	// The handler's custom-field checks (validateCustomFields.ts).
	{ name: 'null customFields with registered fields', source: handlerEdge('null reaches customFields.hasOwnProperty'), body: { ...person, customFields: null }, workspace: e2eFields },
	{ name: 'unknown custom field', source: handlerEdge('error-custom-field-not-allowed'), body: { ...person, customFields: { cf1: '1', cf3: 'x' } }, workspace: e2eFields },
	{ name: 'number custom field value', source: handlerEdge('trim(123) is "123"'), body: { ...person, customFields: { cf1: 123 } }, workspace: e2eFields },
	{ name: 'padded custom field value', source: handlerEdge('the value is trimmed before its regexp'), body: { ...person, customFields: { cf1: ' 123 ' } }, workspace: e2eFields },
	{ name: 'empty optional custom field', source: handlerEdge('an empty optional field is skipped'), body: { ...person, customFields: { cf1: '1', cf2: '' } }, workspace: e2eFields },
	{ name: 'blank required custom field', source: handlerEdge('a blank required field'), body: { ...person, customFields: { cf1: '   ' } }, workspace: e2eFields },
	{
		name: 'required field without a label',
		source: handlerEdge('the message names cf.label || cf._id'),
		body: { ...person, customFields: {} },
		workspace: { customFields: [{ _id: 'plan', required: true }], agents: [] },
	},
	{
		name: 'regexp unanchored',
		source: handlerEdge('RegExp.test finds a match anywhere'),
		body: { ...person, customFields: { plan: 'the pro plan' } },
		workspace: { customFields: [{ _id: 'plan', label: 'Plan', required: false, regexp: 'pro' }], agents: [] },
	},
	{
		name: 'label escaped as i18next escapes it',
		source: handlerEdge('i18next escapes interpolated values (& < > " \' /)'),
		body: { ...person, customFields: {} },
		workspace: { customFields: [{ _id: 'tier', label: 'Plan/Tier <B2B>', required: true }], agents: [] },
	},
	{
		name: 'digits are ASCII to the pattern',
		source: handlerEdge('JavaScript \\d without the u flag is [0-9]'),
		body: { ...person, customFields: { cf1: '١٢٣' } },
		workspace: e2eFields,
	},
	{
		name: 'unknown keys in for-in order',
		source: handlerEdge('for...in visits integer keys first'),
		body: { ...person, customFields: { cf1: '1', b: 'x', 2: 'y' } },
		workspace: e2eFields,
	},
	{
		name: 'a pattern with a lookahead',
		source: handlerEdge('new RegExp with a lookahead'),
		body: { ...person, customFields: { code: 'abc' } },
		workspace: { customFields: [{ _id: 'code', label: 'Code', required: false, regexp: '^(?=.*[0-9]).+$' }], agents: [] },
	},
];

// Where the crate differs from the server on purpose.
const noIo = 'the crate does no I/O: whether a contactManager id names an agent of the workspace is known only to the server (createContact.ts validateContactManager)';
export const differences = [
	{
		name: 'a pattern with a lookahead',
		reason: "the Rust regex engine has no lookaround: a field pattern the crate cannot evaluate as JavaScript does is not tested (rocketchat.custom_fields.unchecked warning) rather than risk a false error",
	},
	{
		name: 'a number beyond a double',
		reason: 'the crate reads JSON with serde_json, which refuses a number beyond a double\'s range (input.json.format, src/parse.rs, shared by every provider); JavaScript reads Infinity',
	},
	{
		name: 'a lone surrogate',
		reason: 'a Rust string cannot hold a lone surrogate: serde_json refuses the escape (input.json.format, src/parse.rs, shared by every provider); JavaScript strings are UTF-16 and keep it',
	},
	{
		name: 'a member twice',
		reason: 'the crate refuses a repeated member name for every provider on purpose (input.json.format): parsers disagree on which value wins; JSON.parse keeps the last',
	},
	{ name: 'e2e: contact manager does not exist', reason: noIo },
	{ name: 'e2e: contact manager is not a livechat agent', reason: noIo },
	{ name: 'zero contactManager is looked up', reason: noIo },
];
