import type { Response } from 'superagent';

/** For `.buffer(true).parse(rawText)`: the body as text byte for byte (supertest's text parser drops a byte-order mark). */
export function rawText(res: Response, done: (error: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
}
