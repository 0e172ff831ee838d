// Derived-image encoder benchmark: the library's grid thumbnail (320 px, from the pipeline's working decode) and
// viewer preview (1024 px, decoded from the original with JPEG shrink-on-load, as made on first view), encoded by the
// app's encoder (photos/thumbnails.ts, JPEG) and by the WebP the library wrote before it, side by side in one run on
// the deer fixture photos, one libvips thread. Prints per image: CPU ms, wall ms, KB and PSNR against the unencoded
// resize, and for the preview the decode+resize alone (what any format pays).
//   npm run bench:derived [-- photos=78 rounds=3]
// The first round warms up and is not counted; within a round the encoders alternate photo by photo.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { decodeAtScale, fromDecoded, type DecodedImage } from '../core/photos/decode';
import { encodeDerived, PREVIEW_SIDE, THUMB_SIDE } from '../core/photos/thumbnails';
import { deerImagesDir } from '../testing/fixtures';

/** The working decode of a 416 px detector (YOLOX-nano), which the pipeline makes the thumbnail from. */
const WORKING_MIN_SIDE = 416;

type Encoder = (image: sharp.Sharp, side: number) => sharp.Sharp;

const ENCODERS: Record<string, Encoder> = {
  'WebP q78 effort 0 (before)': (image, side) =>
    image
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 0 }),
  'JPEG (the app now)': encodeDerived,
  'decode+resize only': (image, side) =>
    image.resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true }).raw(),
};

function argument(name: string, fallback: number): number {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`${name}=`));
  return hit ? Number(hit.slice(name.length + 1)) : fallback;
}

interface Sample {
  cpuMs: number;
  wallMs: number;
  bytes: number;
  psnr: number;
}

async function timed(make: () => Promise<Buffer>): Promise<{ out: Buffer; cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const out = await make();
  const used = process.cpuUsage(cpu);
  return { out, cpuMs: (used.user + used.system) / 1000, wallMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function psnr(encoded: Buffer, reference: Buffer): Promise<number> {
  const pixels = await sharp(encoded).removeAlpha().raw().toBuffer();
  if (pixels.length !== reference.length) throw new Error('encoded image differs in size from its reference');
  let squared = 0;
  for (let i = 0; i < pixels.length; i++) squared += (pixels[i]! - reference[i]!) ** 2;
  return 10 * Math.log10((255 * 255 * pixels.length) / squared);
}

async function main(): Promise<void> {
  sharp.concurrency(1);
  sharp.cache(false);
  const dir = deerImagesDir();
  const photos = fs
    .readdirSync(dir)
    .sort()
    .slice(0, argument('photos', 78))
    .map((f) => path.join(dir, f));
  const rounds = Math.max(2, argument('rounds', 3));

  const working: DecodedImage[] = [];
  const reference = { thumbs: [] as Buffer[], previews: [] as Buffer[] };
  for (const file of photos) {
    const img = await decodeAtScale(file, WORKING_MIN_SIDE);
    working.push(img);
    reference.thumbs.push(await ENCODERS['decode+resize only']!(fromDecoded(img), THUMB_SIDE).toBuffer());
    const original = sharp(file, { failOn: 'error' }).rotate().removeAlpha();
    reference.previews.push(await ENCODERS['decode+resize only']!(original, PREVIEW_SIDE).toBuffer());
  }
  const first = working[0]!;
  console.log(
    `${photos.length} photos; working decode ${first.width}x${first.height}; ${rounds - 1} counted rounds; one libvips thread`,
  );

  const samples = new Map<string, { thumbs: Sample[]; previews: Sample[] }>();
  for (const name of Object.keys(ENCODERS)) samples.set(name, { thumbs: [], previews: [] });
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < photos.length; i++) {
      for (const [name, encode] of Object.entries(ENCODERS)) {
        const raw = name === 'decode+resize only';
        const thumb = await timed(() => encode(fromDecoded(working[i]!), THUMB_SIDE).toBuffer());
        const preview = await timed(() =>
          encode(sharp(photos[i]!, { failOn: 'error' }).rotate(), PREVIEW_SIDE).toBuffer(),
        );
        if (round === 0) continue;
        const into = samples.get(name)!;
        into.thumbs.push({
          ...thumb,
          bytes: thumb.out.length,
          psnr: raw ? NaN : await psnr(thumb.out, reference.thumbs[i]!),
        });
        into.previews.push({
          ...preview,
          bytes: preview.out.length,
          psnr: raw ? NaN : await psnr(preview.out, reference.previews[i]!),
        });
      }
    }
  }

  const mean = (xs: Sample[], key: keyof Sample) => xs.reduce((sum, s) => sum + s[key], 0) / xs.length;
  const rows: Record<string, Record<string, string>> = {};
  for (const [name, { thumbs, previews }] of samples) {
    const raw = name === 'decode+resize only';
    rows[name] = {
      'thumb CPU ms': mean(thumbs, 'cpuMs').toFixed(2),
      'thumb wall ms': mean(thumbs, 'wallMs').toFixed(2),
      'thumb KB': raw ? '-' : (mean(thumbs, 'bytes') / 1024).toFixed(1),
      'thumb PSNR dB': raw ? '-' : mean(thumbs, 'psnr').toFixed(2),
      'preview CPU ms': mean(previews, 'cpuMs').toFixed(1),
      'preview wall ms': mean(previews, 'wallMs').toFixed(1),
      'preview KB': raw ? '-' : (mean(previews, 'bytes') / 1024).toFixed(1),
      'preview PSNR dB': raw ? '-' : mean(previews, 'psnr').toFixed(2),
    };
  }
  console.table(rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
