// The checks of MegaDetector's own validator (megadetector/postprocessing/validate_batch_results.py, format 1.3 to
// 1.6), in the order it makes them, for tests on a machine without Python or the megadetector package. Python tells
// 1.0 from 1 (json.load gives a float and an int), and the validator rejects an int confidence, so the text is read
// with that difference kept. The first error ends the check, as there.
import fs from 'node:fs';
import path from 'node:path';

/** A number written with a fraction or an exponent: Python's float. */
class PyFloat {
  constructor(readonly value: number) {}
}

const VIDEO_EXTENSIONS = ['.mp4', '.avi', '.mpeg', '.mpg', '.mov', '.mkv', '.flv'];
const REQUIRED_KEYS = ['info', 'images', 'detection_categories'];
const TYPICAL_KEYS = ['classification_categories', 'classification_category_descriptions'];
const FLOAT_TAG = '\u0000float:';

/** Rewrites every float token outside strings as a tagged string, so JSON.parse keeps it apart from ints. */
function tagFloats(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const token = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))![0];
      out += /[.eE]/.test(token) ? JSON.stringify(FLOAT_TAG + token) : token;
      i += token.length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function parse(text: string): unknown {
  return JSON.parse(tagFloats(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(FLOAT_TAG)
      ? new PyFloat(Number(value.slice(FLOAT_TAG.length)))
      : value,
  );
}

const isDict = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
const num = (v: unknown) => (v instanceof PyFloat ? v.value : Number(v));
// Python's int() of a category id: an optional sign and digits, spaces around allowed.
const isIntText = (s: string) => /^\s*[-+]?\d+\s*$/.test(s);
const isVideoFile = (file: string) => VIDEO_EXTENSIONS.includes(path.extname(file).toLowerCase());

export interface ValidationResults {
  errors: string[];
  warnings: string[];
}

export interface ValidateOptions {
  /** Check that every file exists, relative to this folder (absolute paths as they are). */
  relativePathBase?: string;
}

class Invalid extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Invalid(message);
}

function validateImage(
  im: unknown,
  index: number,
  d: Record<string, unknown>,
  version: number,
  options: ValidateOptions,
  warnings: string[],
) {
  check(isDict(im), `Invalid image at index ${index}`);
  check('file' in im, `Image without filename at index ${index}`);
  const file = String(im.file);
  const categories = d.detection_categories as Record<string, unknown>;
  if (im.detections !== undefined && im.detections !== null) {
    for (const det of im.detections as Record<string, unknown>[]) {
      check('category' in det, `Image ${file} has a detection with no category`);
      check('conf' in det, `Image ${file} has a detection with no confidence`);
      check(det.conf instanceof PyFloat, `Image ${file} has an illegal confidence value`);
      check('bbox' in det, `Image ${file} has a detection with no box`);
      check(
        String(det.category) in categories,
        `Image ${file} has a detection with an unmapped category ${det.category}`,
      );
      for (const c of (det.classifications as unknown[][] | null | undefined) ?? []) {
        check(
          typeof c[0] === 'string' && isIntText(c[0]),
          `Image ${file} has an illegal classification category: ${c[0]}`,
        );
        check(
          typeof c[1] === 'number' || c[1] instanceof PyFloat,
          `Image ${file} has an illegal classification confidence`,
        );
      }
    }
  }
  if (options.relativePathBase !== undefined) {
    const abs = path.isAbsolute(file) ? file : path.join(options.relativePathBase, file);
    check(fs.existsSync(abs) && fs.statSync(abs).isFile(), `Cannot find file ${abs}`);
  }
  if ('failure' in im) {
    if (im.failure !== null) {
      check(typeof im.failure === 'string', `Image ${file} has an illegal [failure] value: ${String(im.failure)}`);
      if (!('detections' in im))
        warnings.push(`Image ${file} has a failure value, should also have a null detections array`);
      else check(im.detections === null, `Image ${file} has a failure value but a non-null detections array`);
    }
  } else {
    check('detections' in im, "'detections'");
    check(Array.isArray(im.detections), `Invalid detections list for image ${file}`);
  }
  if (isVideoFile(file) && version >= 1.5)
    check('frames_processed' in im, `Video without frames_processed field: ${file}`);
  if (isVideoFile(file) && version >= 1.4) {
    check('frame_rate' in im, `Video without frame rate: ${file}`);
    check(num(im.frame_rate) >= 0 || 'failure' in im, `Video with illegal frame rate ${num(im.frame_rate)}: ${file}`);
    for (const det of (im.detections as Record<string, unknown>[] | null | undefined) ?? [])
      check('frame_number' in det, `Frame without frame number in video ${file}`);
  }
}

/** validate_batch_results on a file's text: errors (at most one, the first) and warnings. */
export function validateBatchResults(text: string, options: ValidateOptions = {}): ValidationResults {
  const warnings: string[] = [];
  const d = parse(text);
  if (!isDict(d)) return { errors: ['Input data is not a dict'], warnings };
  try {
    check('info' in d, 'Input does not contain info field');
    check(isDict(d.info), 'Input contains invalid info field');
    check('format_version' in d.info, 'Input does not specify format version');
    const version = Number(num(d.info.format_version));
    check(Number.isFinite(version), `could not convert string to float: '${String(d.info.format_version)}'`);
    check(version >= 1.3, 'This validator can only be used with format version 1.3 or later');
    check('detection_categories' in d, 'Input does not contain detection_categories field');
    for (const key of ['detection_categories', 'classification_categories']) {
      if (!(key in d)) continue;
      const kind = key === 'detection_categories' ? 'detection' : 'classification';
      for (const [k, v] of Object.entries(d[key] as Record<string, unknown>)) {
        check(isIntText(k), `invalid literal for int() with base 10: '${k}'`);
        check(typeof v === 'string', `Invalid ${kind} category name: ${String(v)}`);
      }
    }
    check('images' in d, 'images field not present');
    check(Array.isArray(d.images), 'Invalid images field');
    d.images.forEach((im, i) => validateImage(im, i, d, version, options, warnings));
    for (const k of Object.keys(d))
      if (!TYPICAL_KEYS.includes(k) && !REQUIRED_KEYS.includes(k))
        warnings.push(`Warning: non-standard key ${k} present at file level`);
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    return { errors: [err.message], warnings };
  }
  return { errors: [], warnings };
}
