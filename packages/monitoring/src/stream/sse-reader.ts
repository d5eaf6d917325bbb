/** Longest SSE line accepted from an instance; a longer one is garbage, not a reason to buffer more. */
export const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const DATA = Buffer.from('data:');

/**
 * Splits a Server-Sent Events byte stream into the payloads of its `data:` lines, working on the
 * bytes as they arrive: each payload is decoded once, and nothing else is (a monitor reads about
 * 14 MB of events a second). Comments (`: ping`) and other fields are skipped; a line longer than
 * {@link MAX_LINE_BYTES} throws.
 */
export class SseReader {
  /** The start of a line that later chunks complete. */
  private partial: Buffer[] = [];
  private partialBytes = 0;

  /** Feeds one chunk, calling `onData` with each `data:` payload it completes. */
  push(chunk: Buffer, onData: (payload: string) => void): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    if (end !== -1 && this.partialBytes > 0) {
      const line = Buffer.concat([...this.partial, chunk.subarray(0, end)]);
      this.partial = [];
      this.partialBytes = 0;
      readLine(line, 0, line.length, onData);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    for (; end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      readLine(chunk, start, end, onData);
      start = end + 1;
    }
    if (start === chunk.length) return;
    this.partialBytes += chunk.length - start;
    if (this.partialBytes > MAX_LINE_BYTES)
      throw new RangeError(`a stream line is longer than ${MAX_LINE_BYTES} bytes`);
    // Copied: a slice would keep the whole chunk alive.
    this.partial.push(Buffer.from(chunk.subarray(start)));
  }
}

function readLine(bytes: Buffer, start: number, end: number, onData: (payload: string) => void): void {
  if (end > start && bytes[end - 1] === RETURN) end--;
  if (end - start < DATA.length || bytes.compare(DATA, 0, DATA.length, start, start + DATA.length) !== 0) return;
  let from = start + DATA.length;
  if (bytes[from] === SPACE) from++;
  onData(bytes.toString('utf8', from, end));
}
