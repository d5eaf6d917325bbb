/** Longest SSE line accepted from an instance; a longer one is garbage, not a reason to buffer more. */
export const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const DATA = Buffer.from('data:');

/**
 * Splits a Server-Sent Events byte stream into the payloads of its `data:` lines, working on the
 * bytes as they arrive: each payload is decoded once, and nothing else is (a monitor reads tens
 * of MB of events a second). Comments (`: ping`) and other fields are skipped; a line longer than
 * {@link MAX_LINE_BYTES} throws.
 */
export class SseReader {
  /**
   * The start of a line that a later chunk completes, copied into memory the reader keeps: neither
   * a view (it would keep its whole chunk) nor a new copy each time (such short-lived buffers
   * outlived young-generation collections often enough to grow the old generation steadily).
   */
  private partial = Buffer.allocUnsafeSlow(4096);
  private partialBytes = 0;

  /** Feeds one chunk, calling `onData` with each `data:` payload it completes. */
  push(chunk: Buffer, onData: (payload: string) => void): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    if (end !== -1 && this.partialBytes > 0) {
      this.keep(chunk, 0, end);
      const length = this.partialBytes;
      this.partialBytes = 0;
      readLine(this.partial, 0, length, onData);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    for (; end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      readLine(chunk, start, end, onData);
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /** Appends `chunk[start, end)` to the partial line. */
  private keep(chunk: Buffer, start: number, end: number): void {
    const length = this.partialBytes + end - start;
    if (length > MAX_LINE_BYTES) throw new RangeError(`a stream line is longer than ${MAX_LINE_BYTES} bytes`);
    if (length > this.partial.length) {
      const larger = Buffer.allocUnsafeSlow(Math.min(MAX_LINE_BYTES, Math.max(length, this.partial.length * 2)));
      this.partial.copy(larger, 0, 0, this.partialBytes);
      this.partial = larger;
    }
    this.partialBytes += chunk.copy(this.partial, this.partialBytes, start, end);
  }
}

function readLine(bytes: Buffer, start: number, end: number, onData: (payload: string) => void): void {
  if (end > start && bytes[end - 1] === RETURN) end--;
  if (end - start < DATA.length || bytes.compare(DATA, 0, DATA.length, start, start + DATA.length) !== 0) return;
  let from = start + DATA.length;
  if (bytes[from] === SPACE) from++;
  onData(bytes.toString('utf8', from, end));
}
