// A pass-through stream for uploads: it holds back only the first bytes until a judge has looked at them (the
// file's type is told by its bytes), then lets everything through while computing the SHA-256 and the size.
// Memory stays flat whatever the file's size.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Looks at the head of a file; resolves with its type, or rejects to stop the upload. */
export type HeadJudge = (head: Buffer) => Promise<string>;

export class UploadInspector extends Transform {
  private head: Buffer[] = [];
  private headSize = 0;
  private judged = false;
  private readonly hash = createHash('sha256');
  sizeBytes = 0;
  sha256 = '';
  mimeType = '';

  constructor(private readonly judge: HeadJudge, private readonly sampleBytes = 64 * 1024) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.hash.update(chunk);
    this.sizeBytes += chunk.length;
    if (this.judged) return callback(null, chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < this.sampleBytes) return callback();
    this.release(callback);
  }

  override _flush(callback: TransformCallback) {
    const finish = (err?: Error | null) => {
      if (err) return callback(err);
      this.sha256 = this.hash.digest('hex');
      callback();
    };
    if (this.judged) return finish();
    this.release(finish);
  }

  private release(callback: (err?: Error | null) => void) {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.judge(head).then((mimeType) => {
      this.mimeType = mimeType;
      this.judged = true;
      this.push(head);
      callback();
    }, callback);
  }
}
