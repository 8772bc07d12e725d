// Draws every icon Ringside ships, once, into committed files:
//   build/icon.png (1024 px), build/icon.ico (Windows app and installer), build/icon.icns (macOS)
//   resources/tray/<state>.png, <state>@2x.png         Linux (and any platform's fallback)
//   resources/tray/<state>Template.png, ...@2x.png     macOS menu bar: black + alpha, tinted by macOS
//   resources/tray/<state>.ico                         Windows notification area (16 to 48 px)
// Regenerate after changing a shape or colour: `node build/make-icons.mjs`, then commit the outputs.
// The shapes are drawn at every size rather than scaled down, so 16 px icons stay crisp.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pngToIco from 'png-to-ico';

const ROOT = join(import.meta.dirname, '..');
const TRAY_DIR = join(ROOT, 'resources', 'tray');

/**
 * Each tray state differs in shape as well as colour, so it reads at 16 px, in the monochrome
 * macOS menu bar and for colour-blind agents: connected a full disc, connecting a hollow ring,
 * offline a ring with a bar through it, ringing a disc with a halo, in call a disc with a hole,
 * missed a ring with a badge dot at its top right.
 */
const TRAY_LOOKS = {
  connected: { colour: [46, 158, 79], paint: (u, v) => (radius(u, v) <= 0.42 ? 'ink' : null) },
  connecting: {
    colour: [224, 161, 0],
    paint: (u, v) => (between(radius(u, v), 0.27, 0.42) ? 'ink' : null),
  },
  offline: {
    colour: [138, 143, 152],
    paint: (u, v) => {
      const r = radius(u, v);
      return (Math.abs(u - v) <= 0.08 && r <= 0.46) || between(r, 0.28, 0.42) ? 'ink' : null;
    },
  },
  ringing: {
    colour: [31, 111, 235],
    paint: (u, v) => {
      const r = radius(u, v);
      return r <= 0.3 || between(r, 0.38, 0.48) ? 'ink' : null;
    },
  },
  'in-call': {
    colour: [214, 69, 69],
    paint: (u, v) => {
      const r = radius(u, v);
      if (r <= 0.14) return 'hole';
      return r <= 0.42 ? 'ink' : null;
    },
  },
  missed: {
    colour: [230, 81, 0],
    paint: (u, v) => {
      const badge = Math.hypot(u - 0.78, v - 0.22);
      if (badge <= 0.18) return 'ink';
      // A clear gap around the badge keeps it apart from the ring at 16 px.
      if (badge <= 0.26) return null;
      return between(radius(u, v), 0.25, 0.42) ? 'ink' : null;
    },
  },
};

const BLUE = [31, 111, 235];
/** The app icon: a rounded square (macOS-style margin) with a white ring and dot, a signal received. */
function appIconPaint(u, v) {
  const margin = 0.09;
  const corner = 0.2;
  const x = Math.max(margin + corner - u, 0, u - (1 - margin - corner));
  const y = Math.max(margin + corner - v, 0, v - (1 - margin - corner));
  if (Math.hypot(x, y) > corner) return null;
  const r = radius(u, v);
  if (r <= 0.1 || between(r, 0.2, 0.26) || (between(r, 0.32, 0.37) && v < 0.5 + (u - 0.5) * 0.2))
    return 'hole';
  return 'ink';
}

function radius(u, v) {
  return Math.hypot(u - 0.5, v - 0.5);
}

function between(value, low, high) {
  return value >= low && value <= high;
}

/**
 * Renders `paint` (0..1 in both axes -> 'ink' | 'hole' | null) at `size` px, antialiased by
 * supersampling. `ink` takes `colour`; `hole` is white, or transparent when `holeIsClear`
 * (Template images carry their shape in alpha alone).
 */
function render(paint, size, colour, { holeIsClear = false } = {}) {
  const png = new PNG({ width: size, height: size });
  const samples = size >= 256 ? 3 : 5;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let ink = 0;
      let hole = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const hit = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (hit === 'ink') ink += 1;
          else if (hit === 'hole') hole += 1;
        }
      }
      const painted = holeIsClear ? ink : ink + hole;
      const at = (py * size + px) * 4;
      png.data[at + 3] = Math.round((painted / (samples * samples)) * 255);
      if (painted === 0) continue;
      const white = holeIsClear ? 0 : hole / painted;
      for (let channel = 0; channel < 3; channel += 1) {
        png.data[at + channel] = Math.round(colour[channel] + (255 - colour[channel]) * white);
      }
    }
  }
  return PNG.sync.write(png);
}

/**
 * An .icns holding PNGs (macOS 10.7+ reads PNG entries): 'icns' + total length, then per entry a
 * four-letter type and its length (header included). No npm tool for this is as well kept as the
 * format is simple.
 */
function icns(entries) {
  const parts = entries.map(([type, png]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([header, ...parts]);
}

const write = (path, data) => {
  writeFileSync(path, data);
  console.log(`wrote ${path.slice(ROOT.length + 1)} (${data.length} bytes)`);
};

mkdirSync(TRAY_DIR, { recursive: true });
for (const [kind, { colour, paint }] of Object.entries(TRAY_LOOKS)) {
  write(join(TRAY_DIR, `${kind}.png`), render(paint, 16, colour));
  write(join(TRAY_DIR, `${kind}@2x.png`), render(paint, 32, colour));
  const black = [0, 0, 0];
  write(join(TRAY_DIR, `${kind}Template.png`), render(paint, 16, black, { holeIsClear: true }));
  write(join(TRAY_DIR, `${kind}Template@2x.png`), render(paint, 32, black, { holeIsClear: true }));
  // Windows picks the size for the display's scaling (100% to 300%) from the .ico.
  const sizes = [16, 20, 24, 32, 40, 48];
  write(
    join(TRAY_DIR, `${kind}.ico`),
    await pngToIco(sizes.map((size) => render(paint, size, colour))),
  );
}

const app = (size) => render(appIconPaint, size, BLUE);
write(join(ROOT, 'build', 'icon.png'), app(1024));
write(join(ROOT, 'build', 'icon.ico'), await pngToIco([16, 24, 32, 48, 64, 128, 256].map(app)));
write(
  join(ROOT, 'build', 'icon.icns'),
  icns([
    ['ic11', app(32)], // 16 pt @2x
    ['ic12', app(64)], // 32 pt @2x
    ['ic07', app(128)],
    ['ic08', app(256)],
    ['ic13', app(256)], // 128 pt @2x
    ['ic09', app(512)],
    ['ic14', app(512)], // 256 pt @2x
    ['ic10', app(1024)], // 512 pt @2x
  ]),
);
