// Writes tests/data/rocketchat/js_regexps.json: custom-field patterns, values
// and whether JavaScript's `new RegExp(pattern).test(value)` is true (as
// validateCustomFields.ts tests a registered field's value), or that the
// pattern is not a JavaScript regexp. The crate's translation to Rust
// regexes is tested against it (src/providers/rocketchat/custom_fields.rs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../../tests/data/rocketchat/js_regexps.json');

const patterns = [
	'^[0-9]+$', '^\\d+$', '\\d', '^\\w+$', '^\\W+$', '^\\s*$', '^\\S+$', '\\bpro\\b', '\\Bro', '^.$', '^.+$', 'pro',
	'^[\\w.-]+@[\\w-]+\\.\\w+$', '^[a-z]{2,3}$', '^a{2}$', '^a{2,}$', '^(?:ab)+$', '^(ab|cd)$', '^(?<y>\\d{4})-\\d{2}$',
	'^[^0-9]+$', '^[\\d\\s]+$', '^[\\s]$', 'a\\/b', '^\\x41\\u0042$', '^[[:a]+$', '^[a&&b]+$', '^[~-]+$', '^\\<\\>$',
	'^[^]$', '^\\t\\n$', '^[\\b]$', '^\\0$', '^a|b$', '^a*?b$', '^\\.$', '^\\$\\^$', '^[.]$', '[-a]', '^[a-]$', '^\\-$',
	'(?=a)a', '(a)\\1', '\\p{L}', 'a{', '[]', '[\\w-z]', '(', '(?i)a', '\\k<x>', '^\\cA$', 'a{,3}', '\\u{41}', '\\q',
	'^[A-Z][a-z]+$', '^\\+?[0-9 ()-]{7,}$', '^[^@\\s]+@[^@\\s]+$', '^(true|false)$', '^.{0,5}$', '^[\\u00C0-\\u00FF]+$',
];
const values = [
	'123', '12a', '', ' ', 'abc', 'ABC', 'é', '١٢٣', '_', 'the pro plan', 'pro', 'pros', 'a.b@c-d.io', 'aa', 'aaa', 'abab',
	'cd', '2024-01', 'x', '\u2028', '\u0085', '\ufeff', '\u00a0', 'a/b', 'AB', '[:a', '&', '~-', '<>', '\t\n', '\b', '\0',
	'a', 'b', 'aab', '.', '$^', '-', 'Hello', '+1 (415) 555-2671', 'a@b', 'true', 'false', 'abcdef', 'Àÿ', '\u0001', 'a🙂',
];
const rows = [];
for (const pattern of patterns) {
	let re;
	try {
		re = new RegExp(pattern);
	} catch (e) {
		rows.push({ pattern, error: e.message });
		continue;
	}
	rows.push({ pattern, matches: values.filter((v) => re.test(v)), values: values.length });
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ generator: `scripts/rocketchat/regexps.mjs (node ${process.version})`, values, patterns: rows }, null, 1)}\n`);
console.log(`${rows.length} patterns x ${values.length} values -> ${path.relative(process.cwd(), out)}`);
