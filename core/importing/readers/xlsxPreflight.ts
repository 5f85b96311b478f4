/**
 * Checks a workbook against the import limits before the xlsx parser sees it: the central directory's declared
 * sizes first (free), then each part unpacked once as a stream, counting — a directory may lie about sizes, the
 * inflated bytes cannot — and each sheet's rows counted on the way. Nothing is kept but counts, so a 4 MB file that
 * unpacks to gigabytes, a sheet of millions of rows, or one cell of hundreds of megabytes, is refused in constant
 * memory.
 */
import zlib from 'node:zlib';
import { IMPORT_LIMITS, limitRefusals } from '../importLimits';
import { ImportFileError } from '../fileErrors';
import { DAMAGED_XLSX } from './sniff';
import { zipEntries, type ZipEntry } from './zipDirectory';

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** workbook.xml and its relationships name the sheets; real ones are a few kilobytes. */
const MAX_INDEX_PART_BYTES = 16 * 1024 * 1024;
const INFLATE_CHUNK = 256 * 1024;

const damaged = () => new ImportFileError(DAMAGED_XLSX);

function compressedBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

function inflateSmall(bytes: Buffer, entry: ZipEntry | undefined): string {
  if (!entry) return '';
  if (entry.uncompressedSize > MAX_INDEX_PART_BYTES)
    throw limitRefusals.partSize(`部件“${entry.name}”`, entry.uncompressedSize);
  const data = compressedBytes(bytes, entry);
  try {
    return (entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: MAX_INDEX_PART_BYTES })).toString(
      'utf8',
    );
  } catch {
    throw damaged();
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? '';
  });
}

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1] ?? '') : null;
};

/** Part name (xl/worksheets/sheet1.xml) → the sheet's name as the workbook shows it. */
function sheetNames(bytes: Buffer, byName: Map<string, ZipEntry>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of inflateSmall(bytes, byName.get('xl/_rels/workbook.xml.rels')).matchAll(
    /<Relationship\b[^>]*>/g,
  )) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of inflateSmall(bytes, byName.get('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const part = targets.get(attribute(tag, 'r:id') ?? '');
    if (name && part) names.set(part, name);
  }
  return names;
}

interface PartCheck {
  label: string;
  limit: number;
  refuseSize: (bytes: number) => ImportFileError;
  /** The sheet's name when the part is a worksheet: its rows are counted. */
  sheet: string | null;
  /** Whether the part holds cell text (a worksheet, the shared strings): its longest text is measured. */
  cellText: boolean;
}

function checkDeclared(entry: ZipEntry, check: PartCheck): void {
  if (entry.method !== 0 && entry.method !== 8) throw damaged();
  if (entry.uncompressedSize > check.limit) throw check.refuseSize(entry.uncompressedSize);
  if (entry.uncompressedSize >= IMPORT_LIMITS.ratioFromBytes) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > IMPORT_LIMITS.partRatio) throw limitRefusals.partRatio(check.label, ratio);
  }
}

const ROW_TAG = Buffer.from('<row');

/** Counts `<row ` and `<row>` in a chunk; the tail of the previous chunk is prepended by the caller. */
function countRows(chunk: Buffer): number {
  let rows = 0;
  for (let at = chunk.indexOf(ROW_TAG); at >= 0 && at + 4 < chunk.length; at = chunk.indexOf(ROW_TAG, at + 4)) {
    const next = chunk[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) rows++;
  }
  return rows;
}

const TAG_START = 0x3c; // '<': XML text cannot hold one, so the longest run without it bounds every cell's text

/**
 * The run of bytes without '<' at the end of `chunk`, given the run `carried` in from the chunks before; refuses a run
 * longer than the limit. Jumps from a '<' to the last '<' within the limit, so a chunk costs a few look-ups, not one
 * per tag.
 */
function textRunAfter(chunk: Buffer, carried: number, check: PartCheck): number {
  const limit = IMPORT_LIMITS.cellTextBytes;
  let at = chunk.indexOf(TAG_START);
  if (at < 0 || carried + at > limit) {
    const run = carried + (at < 0 ? chunk.length : at);
    if (run > limit) throw limitRefusals.cellText(check.label);
    return run;
  }
  for (;;) {
    const windowEnd = at + limit + 1;
    if (windowEnd >= chunk.length) return chunk.length - chunk.lastIndexOf(TAG_START) - 1;
    const last = chunk.lastIndexOf(TAG_START, windowEnd);
    if (last === at) throw limitRefusals.cellText(check.label);
    at = last;
  }
}

/** Unpacks one part to hold it to its limits; answers how many rows it holds (0 for a part that is not a sheet). */
async function checkInflated(bytes: Buffer, entry: ZipEntry, check: PartCheck): Promise<number> {
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged();
    const rows = check.sheet === null ? 0 : countRows(compressedBytes(bytes, entry));
    if (check.sheet !== null && rows > IMPORT_LIMITS.rowsPerSheet) throw limitRefusals.rows(check.sheet, rows);
    if (check.cellText) textRunAfter(compressedBytes(bytes, entry), 0, check);
    return rows;
  }
  const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
  inflate.end(compressedBytes(bytes, entry));
  let total = 0;
  let rows = 0;
  let textRun = 0;
  let tail: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      // Unpacked past the declared size the directory lied; unpacking goes on (as far as the limit) only to say
      // which limit the part breaks, if any.
      if (total > check.limit) throw check.refuseSize(total);
      if (check.cellText) textRun = textRunAfter(chunk, textRun, check);
      if (check.sheet !== null) {
        const window = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        rows += countRows(window);
        // Keep the last 4 bytes: a `<row` split across chunks is counted with the next one (and not twice: a match
        // needs its 5th byte, which the tail alone never holds).
        tail = window.subarray(Math.max(0, window.length - 4));
        if (rows > IMPORT_LIMITS.rowsPerSheet) throw limitRefusals.rows(check.sheet, rows);
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw damaged();
  } finally {
    inflate.destroy();
  }
  if (total !== entry.uncompressedSize) throw damaged();
  return rows;
}

/** Holds a workbook to every limit of IMPORT_LIMITS before it is read; answers how many rows its sheets hold. */
export async function preflightXlsx(bytes: Buffer): Promise<number> {
  const entries = zipEntries(bytes, (name) => limitRefusals.partSize(`部件“${name}”`, 2 ** 32));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const names = sheetNames(bytes, byName);
  const checks = entries.map((entry): [ZipEntry, PartCheck] => {
    if (entry.name === SHARED_STRINGS) {
      return [
        entry,
        {
          label: '共享字符串（各工作表单元格中的文字）',
          limit: IMPORT_LIMITS.sharedStringsBytes,
          refuseSize: limitRefusals.sharedStrings,
          sheet: null,
          cellText: true,
        },
      ];
    }
    const sheet = WORKSHEET.test(entry.name) ? (names.get(entry.name) ?? entry.name) : null;
    const label = sheet !== null ? `工作表“${sheet}”` : `部件“${entry.name}”`;
    return [
      entry,
      {
        label,
        limit: IMPORT_LIMITS.partBytes,
        refuseSize: (n) => limitRefusals.partSize(label, n),
        sheet,
        cellText: sheet !== null,
      },
    ];
  });
  // Every declared size first: a bomb that says what it is costs no unpacking at all.
  for (const [entry, check] of checks) checkDeclared(entry, check);
  let rows = 0;
  for (const [entry, check] of checks) rows += await checkInflated(bytes, entry, check);
  return rows;
}
