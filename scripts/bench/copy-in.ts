import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';

/** The parts of pg's connection a COPY ... FROM STDIN drives. */
interface CopyConnection {
  stream: Writable;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** Flush to the socket at about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * `COPY ... FROM STDIN` for a pg client, without another package: pg runs any object with a
 * `submit` method as a query and hands it the protocol messages, so this writes the rows
 * as CopyData messages when the server asks, waiting for the socket to drain.
 */
class CopyIn {
  readonly done: Promise<number>;
  private settle: { resolve: (rows: number) => void; reject: (error: Error) => void } | null = null;
  private error: Error | null = null;
  private rowCount = 0;

  constructor(
    readonly text: string,
    private readonly lines: Iterable<string>,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    this.pump(connection).catch((error: unknown) => {
      connection.sendCopyFail(String(error));
    });
  }

  private async pump(connection: CopyConnection): Promise<void> {
    let buffer = '';
    for (const line of this.lines) {
      // The server has refused the copy; it drops whatever else is sent.
      if (this.error) return;
      buffer += line;
      if (buffer.length < CHUNK_CHARS) continue;
      connection.sendCopyFromChunk(Buffer.from(buffer));
      buffer = '';
      if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
    }
    if (buffer.length > 0) connection.sendCopyFromChunk(Buffer.from(buffer));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rowCount = Number(message.text.split(' ').at(-1));
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.settle?.reject(this.error);
    else this.settle?.resolve(this.rowCount);
  }

  // Messages a COPY FROM never gets; pg calls them on whatever query is active.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** One value in COPY's text format: \N for null, and the four special characters escaped. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Copies `rows` into `table (columns)`; returns the number of rows the server took. */
export function copyRows(
  client: pg.Client | pg.PoolClient,
  target: string,
  rows: Iterable<ReadonlyArray<string | number | boolean | null>>,
): Promise<number> {
  function* lines() {
    for (const row of rows) yield `${row.map(copyValue).join('\t')}\n`;
  }
  const copy = new CopyIn(`COPY ${target} FROM STDIN`, lines());
  client.query(copy as never);
  return copy.done;
}
