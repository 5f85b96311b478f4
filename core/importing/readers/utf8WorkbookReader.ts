/**
 * exceljs' streaming WorkbookReader (4.4) turns each unpacked chunk of a part into text on its own, so a Chinese
 * character whose three UTF-8 bytes straddle two chunks becomes U+FFFD replacement characters — at random places
 * in large workbooks, making rows of one contract disagree. Its parser passes text through untouched, so this reader
 * hands it the shared strings and worksheets already decoded by one streaming decoder per part.
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Bytes in, text out; a character cut at a chunk's end is held back until its remaining bytes arrive. */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** The undocumented hooks overridden below (exceljs/lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  ...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

export class Utf8WorkbookReader extends Base {
  override _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    return super._parseSharedStrings(Readable.from(utf8Chunks(entry as AsyncIterable<Buffer>)));
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
  }
}
