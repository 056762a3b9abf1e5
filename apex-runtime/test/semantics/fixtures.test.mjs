// The fixture classes of the semantics tables are valid Apex (checked with the same parser the runtime uses), so a
// failing table row points at the runtime, not at a fixture that would not compile on the platform.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, syntaxErrors } from './harness.mjs';

for (const topic of readdirSync(FIXTURES)) {
    const dir = join(FIXTURES, topic, 'classes');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.cls'))) {
        it(`fixture ${topic}/${file} parses as an Apex class`, () => {
            assert.deepEqual(syntaxErrors(readFileSync(join(dir, file), 'utf8'), 'compilationUnit'), []);
            assert.ok(readdirSync(dir).includes(`${file}-meta.xml`), `${file}-meta.xml is missing`);
        });
    }
}
