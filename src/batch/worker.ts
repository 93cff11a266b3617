// A batch worker thread: rebuilds the batch's context, then evaluates the chunks of rows or the
// blocks of NDJSON bytes it is sent (the bytes of its output handed back, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import type { BlockJob } from './blocks.js';
import { evaluateBlock } from './block-rows.js';
import { figuresOf } from './portfolio.js';
import { evaluateRows, rowEvaluator, type InputRow } from './rows.js';
import { batchContext, type WorkerSpec } from './run.js';

const spec = workerData as WorkerSpec;
const context = await batchContext(spec);
const evaluate = rowEvaluator(context);
parentPort!.on('message', (message: { id: number } & ({ rows: InputRow[] } | BlockJob)) => {
  if ('rows' in message) {
    parentPort!.postMessage({ id: message.id, ...evaluateRows(message.rows, context) });
    return;
  }
  const done = evaluateBlock(message, evaluate, spec.figures ? figuresOf : undefined);
  parentPort!.postMessage({ id: message.id, ...done }, 'bytes' in done ? [done.bytes.buffer as ArrayBuffer] : []);
});
