import { parentPort } from "node:worker_threads";
import sharp from "sharp";

/**
 * Renders previews off the event loop: a 480-pixel-wide PNG of an image, or of a PDF's first page. Runs
 * in a worker thread; receives { id, mediaType, bytes } and answers { id, png } or { id, error }.
 */
const WIDTH = 480;

async function renderPdf(bytes: Uint8Array): Promise<Buffer> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const loadingTask = pdfjs.getDocument({ data: bytes, disableFontFace: true, verbosity: 0 });
  const document = await loadingTask.promise;
  try {
    const page = await document.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: Math.min(3, (WIDTH * 2) / base.width) });
    const factory = document.canvasFactory as {
      create: (w: number, h: number) => { canvas: { toBuffer: (type: string) => Buffer }; context: unknown };
    };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // biome-ignore lint/suspicious/noExplicitAny: pdf.js types the context as the DOM's; @napi-rs/canvas provides it.
    await page.render({ canvasContext: context as any, viewport, canvas: canvas as any }).promise;
    return canvas.toBuffer("image/png");
  } finally {
    await document.cleanup();
    await loadingTask.destroy();
  }
}

async function render(mediaType: string, bytes: Uint8Array): Promise<Buffer> {
  const source = mediaType === "application/pdf" ? await renderPdf(bytes) : Buffer.from(bytes);
  return sharp(source, { limitInputPixels: 100_000_000, animated: false })
    .flatten({ background: "#ffffff" })
    .resize({ width: WIDTH, withoutEnlargement: true })
    .png()
    .toBuffer();
}

parentPort?.on("message", async (message: { id: string; mediaType: string; bytes: Uint8Array }) => {
  try {
    const png = await render(message.mediaType, message.bytes);
    parentPort?.postMessage({ id: message.id, png });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
