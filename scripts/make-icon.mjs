// Draws build/icon.png (512×512): a blue rounded square with a white sheet, three lines of text and a red seal —
// a filing with its stamp. Plain pixels through zlib, so the icon needs no image tool. Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const BLUE = [22, 93, 255, 255];
const WHITE = [255, 255, 255, 255];
const GREY = [140, 160, 190, 255];
const RED = [214, 48, 49, 255];
const CLEAR = [0, 0, 0, 0];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function pixel(x, y) {
  const seal = (x - 350) ** 2 + (y - 370) ** 2;
  if (seal <= 62 ** 2 && seal >= 48 ** 2) return RED;
  if (seal <= 22 ** 2) return RED;
  for (const [top, right] of [
    [150, 360],
    [205, 360],
    [260, 300],
  ]) {
    if (inRoundedRect(x, y, 150, top, right, top + 22, 11)) return GREY;
  }
  if (inRoundedRect(x, y, 112, 88, 400, 440, 24)) return WHITE;
  if (inRoundedRect(x, y, 16, 16, SIZE - 16, SIZE - 16, 96)) return BLUE;
  return CLEAR;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
  fs.writeFileSync(out, drawIcon());
  console.log(`wrote ${out}`);
}
