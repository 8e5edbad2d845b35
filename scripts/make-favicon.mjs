// Writes the favicon (usage: node scripts/make-favicon.mjs src/app/favicon.ico): a ring on the brand colour, 16 and 32 px, 32-bit BMP entries.
import { writeFileSync } from "node:fs";
const brand = [0xa5, 0x6b, 0x22], white = [0xff, 0xfb, 0xf5];
function image(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2, radius = size * 0.47, corner = size * 0.22;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    // rounded square mask
    const dx = Math.max(Math.abs(x - c) - (c - corner), 0), dy = Math.max(Math.abs(y - c) - (c - corner), 0);
    const inside = Math.hypot(dx, dy) <= corner + 0.5 && Math.abs(x - c) <= radius + 0.6 && Math.abs(y - c) <= radius + 0.6;
    const d = Math.hypot(x - c, y - c);
    const ring = d >= size * 0.2 && d <= size * 0.34;
    const [r, g, b] = ring ? white : brand;
    const row = size - 1 - y; // BMP rows bottom-up
    const o = (row * size + x) * 4;
    pixels[o] = b; pixels[o + 1] = g; pixels[o + 2] = r; pixels[o + 3] = inside ? 255 : 0;
  }
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); header.writeInt32LE(size, 4); header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12); header.writeUInt16LE(32, 14); header.writeUInt32LE(0, 16);
  header.writeUInt32LE(pixels.length, 20);
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size); // AND mask, all zero (alpha decides)
  return Buffer.concat([header, pixels, mask]);
}
const sizes = [16, 32];
const images = sizes.map(image);
const dir = Buffer.alloc(6 + 16 * sizes.length);
dir.writeUInt16LE(0, 0); dir.writeUInt16LE(1, 2); dir.writeUInt16LE(sizes.length, 4);
let offset = dir.length;
sizes.forEach((size, i) => {
  const e = 6 + 16 * i;
  dir.writeUInt8(size, e); dir.writeUInt8(size, e + 1); dir.writeUInt8(0, e + 2); dir.writeUInt8(0, e + 3);
  dir.writeUInt16LE(1, e + 4); dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(images[i].length, e + 8); dir.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
writeFileSync(process.argv[2], Buffer.concat([dir, ...images]));
