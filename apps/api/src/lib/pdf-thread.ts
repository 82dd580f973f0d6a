// The worker thread a PDF is laid out in (lib/pdf.ts renderPdf): pdfmake's synchronous layout runs here, away from
// the event loop, and the bytes go back to the request that asked, transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import { layOutPdf, type PdfDocument, type PdfMeta } from './pdf.js';

const { doc, meta } = workerData as { doc: PdfDocument; meta: PdfMeta };
const bytes = await layOutPdf(doc, meta);
const copy = new Uint8Array(bytes);
parentPort!.postMessage(copy, [copy.buffer]);
