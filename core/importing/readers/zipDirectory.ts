/**
 * The entries of a zip as its central directory lists them, read before anything is unpacked: names, methods and
 * declared sizes. Every byte before the directory must belong to a listed entry, so that a streaming unzipper (which
 * reads the local headers in order) can meet no part the checks have not seen.
 */
import { ImportFileError } from '../fileErrors';
import { DAMAGED_XLSX } from './sniff';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed data starts in the file. */
  dataOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** A size of 0xFFFFFFFF means the real one is in a ZIP64 field: no part of an import file is that large. */
const ZIP64_MARK = 0xffffffff;

const damaged = () => new ImportFileError(DAMAGED_XLSX);

function endOfDirectory(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  throw damaged();
}

export function zipEntries(bytes: Buffer, tooLarge: (name: string) => Error): ZipEntry[] {
  const end = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64_MARK || directoryOffset > end) throw damaged();
  const listed: (ZipEntry & { localOffset: number; end: number })[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_HEADER) throw damaged();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK || localOffset === ZIP64_MARK) {
      throw tooLarge(name);
    }
    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) throw damaged();
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    let entryEnd = dataOffset + compressedSize;
    // Bit 3: the sizes follow the data in a descriptor (12 bytes, or 16 with its optional signature).
    if (flags & 0x8)
      entryEnd += entryEnd + 4 <= bytes.length && bytes.readUInt32LE(entryEnd) === DATA_DESCRIPTOR ? 16 : 12;
    if (entryEnd > directoryOffset) throw damaged();
    listed.push({ name, method, compressedSize, uncompressedSize, dataOffset, localOffset, end: entryEnd });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // The entries, in file order, must tile everything before the directory: no hidden part between them.
  const inFileOrder = [...listed].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of inFileOrder) {
    if (entry.localOffset !== expected) throw damaged();
    expected = entry.end;
  }
  if (expected !== directoryOffset) throw damaged();
  return listed.map(({ name, method, compressedSize, uncompressedSize, dataOffset }) => ({
    name,
    method,
    compressedSize,
    uncompressedSize,
    dataOffset,
  }));
}
