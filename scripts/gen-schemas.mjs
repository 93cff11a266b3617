// Writes the published JSON Schemas to schemas/ from the built package (run `npm run schemas`,
// which builds first), and makes every bundled rule file start with the modeline that points
// editors (yaml-language-server) at its schema. test/json-schema.test.ts checks both are current.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchema, schemaKinds } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

for (const kind of schemaKinds) {
  const file = join(root, 'schemas', `${kind}.schema.json`);
  writeFileSync(file, `${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
  console.log(`gen-schemas: ${relative(root, file)}`);
}

const modeline = /^# yaml-language-server: \$schema=.*\n/;

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(path);
    else if (entry.name.endsWith('.yaml')) yield path;
  }
}

let changed = 0;
for (const path of yamlFiles(join(root, 'rules'))) {
  const under = relative(join(root, 'rules'), path).split('\\').join('/');
  const kind = under.startsWith('ladders/') ? 'ladder' : under.startsWith('programs/') ? 'program' : under.startsWith('entitlements/') ? 'entitlements' : 'rule-file';
  const target = relative(dirname(path), join(root, 'schemas', `${kind}.schema.json`)).split('\\').join('/');
  const text = readFileSync(path, 'utf8');
  const updated = `# yaml-language-server: $schema=${target}\n${text.replace(modeline, '')}`;
  if (updated !== text) {
    writeFileSync(path, updated);
    changed++;
  }
}
console.log(`gen-schemas: ${changed} rule file modeline${changed === 1 ? '' : 's'} updated`);
