/** Longest SSE line accepted from an instance; a longer one is garbage, not a reason to buffer more. */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Splits a Server-Sent Events byte stream into the payloads of its `data:` lines. Comments
 * (`: ping`) and other fields are skipped; a line longer than {@link MAX_LINE_BYTES} throws.
 */
export class SseReader {
  private rest = '';

  /** Feeds one chunk; returns the `data:` payloads it completed. */
  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    if (this.rest.length > MAX_LINE_BYTES) throw new RangeError(`a stream line is longer than ${MAX_LINE_BYTES} bytes`);
    const payloads: string[] = [];
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.startsWith('data:')) payloads.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
    return payloads;
  }
}
