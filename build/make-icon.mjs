// Draws build/icon.png (1024 x 1024), the app icon electron-builder turns into .icns/.ico.
// Run: npx tsx build/make-icon.mjs (tsx, because it reuses the app's TypeScript PNG encoder). Kept as code so the icon can be redrawn at any size.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../electron/main/services/png.ts';

const SIZE = 1024;
const SAMPLES = 3;
const BLUE = [31, 111, 235];

/** @returns {'blue' | 'white' | null} */
function paint(u, v) {
  // A rounded square (macOS-style margin), a white ring, a white dot: a signal being received.
  const margin = 0.09;
  const radius = 0.2;
  const x = Math.max(margin + radius - u, 0, u - (1 - margin - radius));
  const y = Math.max(margin + radius - v, 0, v - (1 - margin - radius));
  if (Math.hypot(x, y) > radius) return null;
  const r = Math.hypot(u - 0.5, v - 0.5);
  if (r <= 0.1 || (r >= 0.2 && r <= 0.26) || (r >= 0.32 && r <= 0.37 && v < 0.5 + (u - 0.5) * 0.2))
    return 'white';
  return 'blue';
}

const pixels = new Uint8Array(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py += 1) {
  for (let px = 0; px < SIZE; px += 1) {
    let blue = 0;
    let white = 0;
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const hit = paint((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (hit === 'blue') blue += 1;
        else if (hit === 'white') white += 1;
      }
    }
    const covered = blue + white;
    if (covered === 0) continue;
    const share = white / covered;
    const at = (py * SIZE + px) * 4;
    pixels[at] = Math.round(BLUE[0] + (255 - BLUE[0]) * share);
    pixels[at + 1] = Math.round(BLUE[1] + (255 - BLUE[1]) * share);
    pixels[at + 2] = Math.round(BLUE[2] + (255 - BLUE[2]) * share);
    pixels[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
  }
}
writeFileSync(join(import.meta.dirname, 'icon.png'), encodePng(SIZE, SIZE, pixels));
