import { randomBytes } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";
import PDFDocument from "pdfkit";
import sharp from "sharp";

/** Real files for the upload tests (and the benchmark): made on the fly, never checked in. */

export function pdf(text = "Ratio reasoning quiz"): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  doc.fontSize(18).text(text);
  doc.end();
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

export function image(format: "png" | "jpeg" | "gif" | "webp"): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6f97" } })
    .toFormat(format)
    .toBuffer();
}

/** A minimal zip writer (deflate), enough for Office documents, plain zips and zip bombs. */
export function zip(entries: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      // The central header has "version made by" before the fields both headers share.
      const o = central ? 6 : 4;
      if (central) b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, o);
      b.writeUInt16LE(0, o + 2);
      b.writeUInt16LE(8, o + 4);
      b.writeUInt32LE(0, o + 6);
      b.writeUInt32LE(crc32(data), o + 10);
      b.writeUInt32LE(packed.length, o + 14);
      b.writeUInt32LE(data.length, o + 18);
      b.writeUInt16LE(nameBytes.length, o + 22);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    const local = Buffer.concat([header(false), nameBytes, packed]);
    centrals.push(Buffer.concat([header(true), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const docx = () =>
  zip({
    "[Content_Types].xml": contentTypes,
    "_rels/.rels": "<Relationships/>",
    "word/document.xml": "<w:document/>",
  });
export const xlsx = () => zip({ "[Content_Types].xml": contentTypes, "xl/workbook.xml": "<workbook/>" });
export const pptx = () => zip({ "[Content_Types].xml": contentTypes, "ppt/presentation.xml": "<p/>" });
/** A .docx whose document unpacks to 20 MB of zeros (a ratio of about 1,000 to 1). */
export const zipBomb = () =>
  zip({ "[Content_Types].xml": contentTypes, "word/document.xml": Buffer.alloc(20 * 1024 * 1024) });
export const plainZip = () => zip({ "notes.txt": "hello", "more.txt": "world" });
/** An ELF binary's first bytes, then noise: a program dressed up as a PDF. */
export const elf = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(2048)]);

export type Part = { name: string; filename?: string; content: Buffer | string; type?: string };

/** A multipart/form-data body as a browser sends it. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----lamplight${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}`;
    const type =
      part.filename !== undefined ? `\r\nContent-Type: ${part.type ?? "application/octet-stream"}` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
