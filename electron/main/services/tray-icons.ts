import type { TrayKind } from '../../../shared/tray/tray-state';
import { encodePng } from './png';

type Rgb = readonly [number, number, number];

/**
 * Each state differs in shape as well as colour, so it reads at 16 px and for colour-blind agents:
 * connected a full disc, connecting a hollow ring, offline a grey ring with a bar through it,
 * ringing a disc with a halo, in call a disc with a white centre.
 */
const LOOKS: Record<
  TrayKind,
  { colour: Rgb; shape: 'disc' | 'ring' | 'slashed' | 'halo' | 'dot' }
> = {
  connected: { colour: [46, 158, 79], shape: 'disc' },
  connecting: { colour: [224, 161, 0], shape: 'ring' },
  offline: { colour: [138, 143, 152], shape: 'slashed' },
  ringing: { colour: [31, 111, 235], shape: 'halo' },
  'in-call': { colour: [214, 69, 69], shape: 'dot' },
};

const SAMPLES = 4;

/** The tray icon for a state as a PNG of `size` x `size` pixels (antialiased by supersampling). */
export function trayIconPng(kind: TrayKind, size: number): Buffer {
  const { colour, shape } = LOOKS[kind];
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let colourHits = 0;
      let whiteHits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const paint = paintAt(
            shape,
            (x + (sx + 0.5) / SAMPLES) / size,
            (y + (sy + 0.5) / SAMPLES) / size,
          );
          if (paint === 'colour') colourHits += 1;
          else if (paint === 'white') whiteHits += 1;
        }
      }
      const total = SAMPLES * SAMPLES;
      const alpha = (colourHits + whiteHits) / total;
      const at = (y * size + x) * 4;
      if (alpha === 0) continue;
      const whiteShare = whiteHits / (colourHits + whiteHits);
      pixels[at] = Math.round(colour[0] + (255 - colour[0]) * whiteShare);
      pixels[at + 1] = Math.round(colour[1] + (255 - colour[1]) * whiteShare);
      pixels[at + 2] = Math.round(colour[2] + (255 - colour[2]) * whiteShare);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, pixels);
}

/** What a point (0..1 in both axes) shows for a shape. */
function paintAt(
  shape: (typeof LOOKS)[TrayKind]['shape'],
  u: number,
  v: number,
): 'colour' | 'white' | null {
  const r = Math.hypot(u - 0.5, v - 0.5);
  switch (shape) {
    case 'disc':
      return r <= 0.42 ? 'colour' : null;
    case 'ring':
      return r <= 0.42 && r >= 0.27 ? 'colour' : null;
    case 'slashed': {
      const onBar = Math.abs(u - v) <= 0.08 && r <= 0.46;
      return onBar || (r <= 0.42 && r >= 0.28) ? 'colour' : null;
    }
    case 'halo':
      return r <= 0.3 || (r >= 0.38 && r <= 0.48) ? 'colour' : null;
    case 'dot':
      if (r <= 0.14) return 'white';
      return r <= 0.42 ? 'colour' : null;
  }
}
