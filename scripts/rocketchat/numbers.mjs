// Writes tests/data/rocketchat/js_number_strings.json: JSON number literals
// and the string JavaScript makes of each once JSON.parse has read it
// (String(JSON.parse(literal))), which is what ajv's coerceTypes stores
// ("" + value). The crate's own ECMAScript Number::toString is tested
// against this table (src/providers/rocketchat/js.rs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../../tests/data/rocketchat/js_number_strings.json');

const literals = [
	'0', '-0', '0.0', '-0.0', '1', '-1', '1.0', '1.5', '-1.5', '10', '100', '1e2', '1E2', '1e+2', '1.5e3', '-1.5e3',
	'0.1', '0.2', '0.3', '0.30000000000000004', '1.1', '123.456', '-123.456', '3.141592653589793',
	'0.000001', '0.0000001', '1e-6', '1e-7', '1.5e-7', '-1e-7', '0.00001234', '1.234e-5', '1.234e-7',
	'123456789', '1234567890123456789', '12345678901234567890', '18446744073709551615', '18446744073709551616',
	'9007199254740991', '9007199254740992', '9007199254740993', '-9223372036854775808', '9223372036854775807',
	'1e20', '1e21', '1e22', '123e18', '123e19', '1.5e20', '1.5e21', '-1e21', '100000000000000000000',
	'1000000000000000000000', '999999999999999999999', '1.7976931348623157e308', '5e-324', '-5e-324',
	'2.2250738585072014e-308', '4.9406564584124654e-324', '1e-400', '0.1e1', '0.01e2', '10e-1', '25e-1',
	'1234.5678e10', '1e15', '1e16', '1e17', '123456789012345680000', '0.5', '2.5e-3', '4.35', '0.000123',
	'1.7976931348623157e-300', '6.02214076e23', '1.602176634e-19', '299792458', '42.000', '7e0', '-7e-0',
];
const table = literals.map((literal) => ({ literal, string: String(JSON.parse(literal)) }));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ generator: `scripts/rocketchat/numbers.mjs (node ${process.version})`, numbers: table }, null, 1)}\n`);
console.log(`${table.length} numbers -> ${path.relative(process.cwd(), out)}`);
