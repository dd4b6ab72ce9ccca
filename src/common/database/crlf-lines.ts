import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/**
 * COPY ends its lines with LF; the registers' CSV ends them with CRLF (RFC 4180). Line breaks inside a
 * quoted field are data and stay as they are. A doubled quote toggles the state twice, so the scan
 * needs no lookahead across chunks.
 */
export class CrlfLines extends Transform {
  private quoted = false;
  /** Rows seen: the line ends outside quotes. */
  lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    let index = 0;
    // Native searches, not a loop over every byte: where the next quote is stays known until passed.
    let nextQuote = chunk.indexOf(QUOTE);
    while (index < chunk.length) {
      if (nextQuote !== -1 && nextQuote < index) nextQuote = chunk.indexOf(QUOTE, index);
      if (this.quoted) {
        if (nextQuote === -1) break;
        this.quoted = false;
        index = nextQuote + 1;
        continue;
      }
      const lineEnd = chunk.indexOf(LF, index);
      if (nextQuote !== -1 && (lineEnd === -1 || nextQuote < lineEnd)) {
        this.quoted = true;
        index = nextQuote + 1;
      } else if (lineEnd !== -1) {
        parts.push(chunk.subarray(start, lineEnd), CRLF);
        start = index = lineEnd + 1;
        this.lines += 1;
      } else break;
    }
    parts.push(chunk.subarray(start));
    callback(null, Buffer.concat(parts));
  }
}
