/**
 * Sets every entry's modification time in a zip archive (an xlsx) to one fixed DOS date, so that the same content
 * gives the same bytes. The zip writer under exceljs stamps the time of writing and takes no date option.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function dosDate(at: Date): { date: number; time: number } {
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  return { date, time };
}

export function withFixedZipDates(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const { date, time } = dosDate(at);
  const entries = out.readUInt16LE(end + 10);
  let entry = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(entry) !== CENTRAL_HEADER) throw new Error('damaged zip central directory');
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('damaged zip local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
