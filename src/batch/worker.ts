// A batch worker thread: rebuilds the batch's context, then evaluates the chunks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateRows, type InputRow } from './rows.js';
import { batchContext } from './run.js';

const context = await batchContext(workerData);
parentPort!.on('message', ({ id, rows }: { id: number; rows: InputRow[] }) => {
  parentPort!.postMessage({ id, ...evaluateRows(rows, context) });
});
