import { connect } from 'node:net';

/**
 * Writes to the server on a new TCP connection exactly what is given (what `fetch` refuses to
 * send: CR or LF inside a header, a Content-Length that lies), in parts — a number is a pause in
 * milliseconds between parts — and returns everything the server sent back until it closed the
 * connection, or until `waitMs` passed after the last part.
 */
export function rawExchange(
  port: number,
  request: string | readonly (string | number)[],
  waitMs = 1000,
): Promise<string> {
  const parts = typeof request === 'string' ? [request] : request;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', done);
    socket.on('close', done);
    const write = async () => {
      for (const part of parts) {
        if (finished) return;
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
      timer = setTimeout(done, waitMs);
    };
    void write();
  });
}

/** A raw HTTP/1.1 answer taken apart: status, headers (lower-case names, repeated ones kept) and body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** Parses the first answer of a raw exchange (`undefined` when there is none). */
export function parseRaw(raw: string): RawAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/1.1 ') || end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
  });
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) };
}
