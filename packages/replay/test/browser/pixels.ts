import type { Page } from 'playwright-core';

/** A rectangle in CSS pixels of the screenshot. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelDiff {
  /** Share of compared pixels where some channel differs by more than the tolerance. */
  ratio: number;
  differing: number;
  compared: number;
}

/**
 * Compares two PNG screenshots of the same size in a page's canvas (no PNG decoder needed in Node).
 * Pixels inside `exclude` are not compared; a pixel differs when any channel differs by more than
 * `tolerance` (out of 255).
 */
export async function diffScreenshots(
  page: Page,
  a: Buffer,
  b: Buffer,
  { tolerance, exclude = [] }: { tolerance: number; exclude?: Box[] },
): Promise<PixelDiff> {
  return page.evaluate(
    async ({ a, b, tolerance, exclude }) => {
      const load = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [left, right] = await Promise.all([load(a), load(b)]);
      if (left.width !== right.width || left.height !== right.height) {
        throw new Error(`sizes differ: ${left.width}x${left.height} vs ${right.width}x${right.height}`);
      }
      const inside = (x: number, y: number) =>
        exclude.some((box) => x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height);
      let differing = 0;
      let compared = 0;
      for (let y = 0; y < left.height; y++) {
        for (let x = 0; x < left.width; x++) {
          if (inside(x, y)) continue;
          compared++;
          const i = (y * left.width + x) * 4;
          for (let c = 0; c < 3; c++) {
            if (Math.abs(left.data[i + c]! - right.data[i + c]!) > tolerance) {
              differing++;
              break;
            }
          }
        }
      }
      return { ratio: differing / compared, differing, compared };
    },
    { a: a.toString('base64'), b: b.toString('base64'), tolerance, exclude },
  );
}
