import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { runBatch, type BatchFormat, type OutputRow } from '../../src/node.js';

/** The CLI in English: the input tests match the English sentence (the Chinese is tested with the diagnostics). */
export async function cliInEnglish(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run([...argv, '--lang', 'en'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A batch of `input` against one standard, its output rows parsed, and its result. */
export async function batchRows(input: Readable | string, standard: string, format?: BatchFormat) {
  let out = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  const source = typeof input === 'string' ? { input, ...(format && { format }) } : { input, format: format! };
  const result = await runBatch({ ...source, output, standards: [standard] });
  return { rows: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutputRow), result };
}
