// Rocket.Chat's verdicts on the provider-conformance cases (cases.mjs),
// written to tests/providers/rocketchat.json. Dev-time only: CI replays the
// committed output with no npm. See README.md.
//
// What the server does with a body, in order (RocketChat/Rocket.Chat, see
// README.md for the files and commits read):
// 1. apps/meteor/app/api/server/ApiClass.ts: `validateParams` runs the
//    compiled schema on the parsed body; on failure it throws
//    `Meteor.Error('invalid-params', errors.map(e => e.message).join('\n '))`
//    and answers 400 `API.v1.failure(e.message, e.error, …)`, that is
//    {"success": false, "error": "<messages> [invalid-params]", "errorType": "invalid-params"}
//    (`stack` only under TEST_MODE; no `details` for this error).
//    ajv mutates the body while coercing; the handler sees the coerced body.
// 2. apps/meteor/app/livechat/server/lib/contacts/createContact.ts: a
//    truthy `contactManager` must be an agent's id (else a plain
//    `Error('error-contact-manager-not-found')`), then `customFields`
//    (default `{}` only when absent) is checked against the workspace's
//    custom fields by validateCustomFields.ts. A plain Error answers 400
//    {"success": false, "error": "<message>"} (no errorType).
// Step 2 depends on the workspace (its agents and registered custom
// fields): a case may give `workspace`; the default has none of either.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import i18next from 'i18next';

import { cases, differences, sources } from './cases.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = path.join(here, '../../tests/providers/rocketchat.json');
const schemaFile = 'POSTOmnichannelContactsSchema.json';

// packages/rest-typings/src/v1/Ajv.ts: the options of the shared `ajv`.
const ajv = new Ajv2020.default({ coerceTypes: true, allowUnionTypes: true, code: { source: true }, discriminator: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(here, schemaFile), 'utf8')));

// The server's i18n (apps/meteor/server/lib/i18n.ts: i18next, interpolation
// left at its defaults, so values are HTML-escaped) and the two English
// strings the handler uses (as the e2e tests assert them).
await i18next.init({
	lng: 'en',
	fallbackLng: 'en',
	initImmediate: false,
	resources: {
		en: {
			translation: {
				'error-invalid-custom-field-value': 'Invalid value for {{field}} field',
				'error-custom-field-not-allowed': 'Custom field {{key}} is not allowed',
			},
		},
	},
});

// validateCustomFields.ts, re-written: the workspace's fields in their
// stored form (`_id`, `label`, `required`, `regexp`).
function trimLikeServer(value) {
	// lib/utils/stringUtils.ts `trim`: a falsy value is "", else String(v).trim().
	return (value ? String(value) : '').trim();
}
function checkCustomFields(allowed, customFields) {
	for (const cf of allowed) {
		// The server calls the body's own `hasOwnProperty` (a TypeError on null).
		if (!customFields.hasOwnProperty(cf._id)) {
			if (cf.required) throw new Error(i18next.t('error-invalid-custom-field-value', { field: cf.label || cf._id }));
			continue;
		}
		const value = trimLikeServer(customFields[cf._id]);
		if (!value) {
			if (cf.required) throw new Error(i18next.t('error-invalid-custom-field-value', { field: cf.label || cf._id }));
			continue;
		}
		if (cf.regexp && !new RegExp(cf.regexp).test(value)) {
			throw new Error(i18next.t('error-invalid-custom-field-value', { field: cf.label || cf._id }));
		}
	}
	const ids = new Set(allowed.map((cf) => cf._id));
	for (const key in customFields) {
		if (!ids.has(key)) throw new Error(i18next.t('error-custom-field-not-allowed', { key }));
	}
}
function handler(body, workspace) {
	const { customFields = {}, contactManager } = body;
	if (contactManager && !workspace.agents.includes(contactManager)) {
		throw new Error('error-contact-manager-not-found');
	}
	checkCustomFields(workspace.customFields, customFields);
}

const seen = new Set();
const results = cases.map((c) => {
	if (seen.has(c.name)) throw new Error(`case ${c.name} twice`);
	seen.add(c.name);
	const data = c.text !== undefined ? JSON.parse(c.text) : structuredClone(c.body);
	const entry = { name: c.name, source: c.source };
	if (c.text !== undefined) entry.text = c.text;
	else entry.body = c.body;
	if (c.workspace) {
		entry.workspace = c.workspace;
		// The crate learns the registered fields from Options (no I/O).
		if (c.workspace.customFields?.length) entry.rocketchat_custom_fields = c.workspace.customFields;
	}
	if (!validate(data)) {
		entry.accepted = false;
		entry.provider_error = {
			success: false,
			error: `${validate.errors.map((e) => e.message).join('\n ')} [invalid-params]`,
			errorType: 'invalid-params',
		};
		return entry;
	}
	// A lone surrogate, which JSON.stringify escapes, is no Rust string: the
	// suite must stay readable by serde_json.
	if (!/\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(data))) entry.coerced = data;
	try {
		handler(data, { customFields: [], agents: [], ...c.workspace });
		entry.accepted = true;
	} catch (e) {
		entry.accepted = false;
		entry.provider_error = { success: false, error: e.message };
	}
	return entry;
});

for (const d of differences) {
	if (!seen.has(d.name)) throw new Error(`difference ${d.name} names no case`);
}

const version = (name) => require(`${name}/package.json`).version;
const suite = {
	provider: 'rocketchat',
	sources,
	generator: `scripts/rocketchat/verdicts.mjs (ajv ${version('ajv')}, ajv-formats ${version('ajv-formats')}, i18next ${version('i18next')}, node ${process.version}); schema scripts/rocketchat/${schemaFile}`,
	cases: results,
	differences,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(suite, null, 1)}\n`);
const refused = results.filter((r) => !r.accepted).length;
console.log(`${results.length} cases (${refused} refused) -> ${path.relative(process.cwd(), out)}`);
