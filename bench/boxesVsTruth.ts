// A detector's (the default, or `detector=ID`) kept animal boxes on the fixture deer photos against the hand-drawn truth, the way
// worker/pipeline/deerIdentity.test.ts counts them (IoU 0.5): each photo with a box that matches no true deer or a
// box the post-process marked duplicate, each box with its confidence, label, best IoU and containment, then the
// totals. `overlays=DIR` writes each photo with a box off the truth as a PNG (truth green, kept boxes red,
// suppressed ones grey dashes) to look at; `json=FILE` writes every photo's boxes and truth, to compare two runs.
//   npm run build:dev && node dist-dev/bench/boxesVsTruth.js [detector=ID] [overlays=/tmp/overlays] [json=/tmp/boxes.json]
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { findDetector, loadCatalog } from '../core/models/catalog';
import { resolveModelsFolder } from '../core/models/folder';
import { decodeAtScale, workingSide } from '../core/photos/decode';
import { deerGroundTruth, deerImagesDir, modelsDir } from '../testing/fixtures';
import { loadDetector, type Detection } from '../worker/detect/detector';
import { containment } from '../worker/detect/fragments';
import { matchBoxes } from '../worker/detect/matchBoxes';
import { iou } from '../worker/models/nms';

type Rect = { x: number; y: number; w: number; h: number };
const corners = (b: Rect) => ({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h });
const asScored = (b: Rect) => ({ ...b, confidence: 0, category: 'animal', duplicate: false });
const f = (v: number) => v.toFixed(2);

function svgOverlay(width: number, height: number, truth: Rect[], kept: Detection[], dropped: Detection[]): Buffer {
  const rect = (b: Rect, style: string) =>
    `<rect x="${b.x * width}" y="${b.y * height}" width="${b.w * width}" height="${b.h * height}" fill="none" ${style}/>`;
  const label = (b: Detection, colour: string) =>
    `<text x="${b.x * width + 4}" y="${b.y * height + 28}" font-size="26" fill="${colour}">${b.rawLabel} ${f(b.confidence)}</text>`;
  return Buffer.from(
    `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
      truth.map((b) => rect(b, 'stroke="lime" stroke-width="6"')).join('') +
      dropped
        .map((b) => rect(b, 'stroke="#bbb" stroke-width="4" stroke-dasharray="16 10"') + label(b, '#bbb'))
        .join('') +
      kept.map((b) => rect(b, 'stroke="red" stroke-width="4"') + label(b, 'red')).join('') +
      '</svg>',
  );
}

async function main() {
  const overlays = process.argv.find((a) => a.startsWith('overlays='))?.slice('overlays='.length);
  if (overlays) fs.mkdirSync(overlays, { recursive: true });
  const json = process.argv.find((a) => a.startsWith('json='))?.slice('json='.length);
  const dump = json ? ([] as unknown[]) : null;
  const id = process.argv.find((a) => a.startsWith('detector='))?.slice('detector='.length) ?? 'yolox_nano_416';
  const entry = findDetector(id, loadCatalog());
  const detector = await loadDetector(entry, resolveModelsFolder(modelsDir()), { provider: 'cpu' });
  let matched = 0;
  let unmatched = 0;
  let over = 0;
  let truthTotal = 0;
  for (const g of deerGroundTruth()) {
    const file = path.join(deerImagesDir(), g.file);
    const [boxes] = await detector.detect([await decodeAtScale(file, workingSide(detector.decodeSide))]);
    const animals = boxes!.filter((b) => b.category === 'animal');
    const kept = animals.filter((b) => !b.duplicate).sort((a, b) => b.confidence - a.confidence);
    const dropped = animals.filter((b) => b.duplicate);
    const truth = g.boxes.map((b) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h }));
    const r = matchBoxes(kept, truth);
    matched += r.matched;
    unmatched += r.unmatched;
    truthTotal += truth.length;
    if (kept.length > truth.length) over++;
    dump?.push({ file: g.file, event: `${g.camera}#${g.event}`, truth, boxes: animals });
    if (r.unmatched === 0 && dropped.length === 0) continue;
    console.log(`${g.file} ${g.camera}#${g.event} truth ${truth.length}, kept ${kept.length}, off ${r.unmatched}`);
    const describe = (b: Detection) => {
      const best = truth.map((t) => ({ iou: iou(corners(b), corners(t)), t })).sort((a, c) => c.iou - a.iou)[0];
      const inTruth = best ? containment(asScored(b), asScored(best.t)) : 0;
      const truthIn = best ? containment(asScored(best.t), asScored(b)) : 0;
      return `${b.rawLabel} ${f(b.confidence)} [${[b.x, b.y, b.w, b.h].map(f).join(' ')}] iou ${f(best?.iou ?? 0)} in-truth ${f(inTruth)} truth-in ${f(truthIn)}`;
    };
    for (const b of kept) console.log(`  kept    ${describe(b)}`);
    for (const b of dropped) console.log(`  dropped ${describe(b)}`);
    if (overlays && r.unmatched > 0) {
      const meta = await sharp(file).metadata();
      const svg = svgOverlay(meta.width!, meta.height!, truth, kept, dropped);
      const drawn = await sharp(file)
        .composite([{ input: svg }])
        .png()
        .toBuffer();
      await sharp(drawn)
        .resize(1024)
        .png()
        .toFile(path.join(overlays, g.file.replace(/\.\w+$/, '.png')));
    }
  }
  console.log(
    `photos ${deerGroundTruth().length}: truth ${truthTotal}, matched ${matched} (recall ${f(matched / truthTotal)}), ` +
      `kept boxes on no true deer ${unmatched}, photos with more boxes than deer ${over}`,
  );
  if (json) fs.writeFileSync(json, JSON.stringify(dump));
  await detector.close();
}

void main();
