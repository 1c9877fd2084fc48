import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

interface IconSpec {
  size: number;
  /** Solid background, or none for a transparent one. */
  background?: Rgb;
  ink: Rgb;
  /** Where the symbol's unit square sits inside the icon, in pixels. */
  symbolBox: { left: number; top: number; size: number };
  covers(point: readonly [number, number]): boolean;
}

/** Samples per pixel side: 4×4 gives 16 levels of edge coverage. */
const SUPERSAMPLING = 4;

/** Draws the symbol with anti-aliased edges: ink colour stays pure, only its coverage varies. */
export function rasterise(spec: IconSpec): Buffer {
  const png = new PNG({ width: spec.size, height: spec.size });
  const { left, top, size } = spec.symbolBox;
  for (let y = 0; y < spec.size; y++) {
    for (let x = 0; x < spec.size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const u = (x + (sx + 0.5) / SUPERSAMPLING - left) / size;
          const v = (y + (sy + 0.5) / SUPERSAMPLING - top) / size;
          if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && spec.covers([u, v])) hits++;
        }
      }
      const coverage = hits / (SUPERSAMPLING * SUPERSAMPLING);
      const offset = (y * spec.size + x) * 4;
      const pixel = spec.background
        ? [...blend(spec.background, spec.ink, coverage), 255]
        : [...spec.ink, Math.round(coverage * 255)];
      png.data.set(pixel, offset);
    }
  }
  return PNG.sync.write(png);
}

function blend(under: Rgb, over: Rgb, amount: number): number[] {
  return under.map((channel, i) => Math.round(channel + (over[i] - channel) * amount));
}
