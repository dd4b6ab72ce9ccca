import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A writable stream of Node's, or of the `readable-stream` package that exceljs's ZIP writer uses
 * inside (it predates `writableNeedDrain`, but keeps the same flag in its state).
 */
export type DrainableStream = EventEmitter & {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
};

export function isDrainableStream(value: unknown): value is DrainableStream {
  const stream = value as DrainableStream | null;
  return (
    typeof stream?.on === 'function' &&
    (typeof stream.writableNeedDrain === 'boolean' || typeof stream._writableState?.needDrain === 'boolean')
  );
}

/** Resolves when `stream` can take more: at once unless its buffer is full, else at its 'drain'. */
export function drained(stream: DrainableStream): Promise<void> {
  if (!(stream.writableNeedDrain ?? stream._writableState?.needDrain)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    // A stream destroyed without an error never drains; waiting for it would hang the export.
    const onClose = () => settle(new Error('The export output closed before the file was complete'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** Resolves once `stream` has taken every byte after its end; rejects on its error or early close. */
export function outputFinished(stream: Writable): Promise<void> {
  return finished(stream, { readable: false });
}

export async function endOutput(stream: Writable): Promise<void> {
  stream.end();
  await outputFinished(stream);
}
