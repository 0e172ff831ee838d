import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  failImage,
  getImage,
  getImageState,
  leaveSequences,
  moveImage,
  moveSequenceImages,
  setImageSequence,
} from './images';
import { canMove, IMAGE_STATES, IMAGE_TRANSITIONS, ImageStateError, movableFrom, sourcesOf } from './imageStates';
import { openDatabase } from './open';
import { images, sequences } from './schema';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-images-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the image state machine', () => {
  it('has a row for every state, naming only states', () => {
    expect(Object.keys(IMAGE_TRANSITIONS).sort()).toEqual([...IMAGE_STATES].sort());
    for (const to of Object.values(IMAGE_TRANSITIONS).flat()) expect(IMAGE_STATES).toContain(to);
  });

  it('finishes an embedded photo or a sampled clip, and lets only a failed or restored missing one start over', () => {
    expect(sourcesOf('done')).toEqual(['imported', 'embedded']);
    expect(sourcesOf('imported')).toEqual(['failed', 'missing']);
    expect(sourcesOf('missing')).toEqual(['imported', 'detected', 'embedded', 'done', 'failed']);
    expect(canMove('missing', 'detected')).toBe(false);
    expect(canMove('failed', 'detected')).toBe(true);
    expect(canMove('detected', 'done')).toBe(false);
  });

  it('refuses a move the table forbids', () => {
    expect(() => movableFrom('done', ['detected'])).toThrow(ImageStateError);
    expect(() => movableFrom('done', ['detected'])).toThrow("a photo cannot go from 'detected' to 'done'");
    expect(movableFrom('embedded', ['done'])).toEqual(['done']);
  });
});

describe('the images repository', () => {
  const db = openDatabase(path.join(dir, 'i.db'));
  const add = (state: (typeof IMAGE_STATES)[number], sequenceId: number | null = null) =>
    db
      .insert(images)
      .values({ fileName: 'a.jpg', sourcePath: `/card/${Math.random()}`, state, sequenceId })
      .returning({ id: images.id })
      .get().id;

  it('moves a photo along allowed transitions only, recording detector and clearing the error', () => {
    const id = add('imported');
    expect(moveImage(db, id, 'failed', { from: ['detected'] })).toBe(false);
    expect(getImageState(db, id)).toBe('imported');
    expect(moveImage(db, id, 'detected', { detector: 'md' })).toBe(true);
    expect(moveImage(db, id, 'done')).toBe(false);
    expect(getImage(db, id)).toMatchObject({ state: 'detected', detector: 'md', error: null });
    expect(moveImage(db, id, 'detected', { from: ['embedded', 'done'] })).toBe(false);
    expect(moveImage(db, 999_999, 'detected')).toBe(false);
  });

  it('fails a photo, counting attempts, and keeps a first failure when asked', () => {
    const id = add('detected');
    expect(failImage(db, id, 'decode failed')).toBe(true);
    expect(failImage(db, id, 'crashed the worker', { unlessFailed: true })).toBe(false);
    expect(getImage(db, id)).toMatchObject({ state: 'failed', error: 'decode failed', attempts: 1 });
    expect(failImage(db, id, 'again')).toBe(true);
    expect(getImage(db, id)).toMatchObject({ error: 'again', attempts: 2 });
    expect(moveImage(db, id, 'imported', { attempts: 0 })).toBe(true);
    expect(getImage(db, id)).toMatchObject({ state: 'imported', error: null, attempts: 0 });
    expect(moveImage(db, id, 'imported')).toBe(false);
  });

  it('finishes a sequence, and reopens finished photos whose sequence changes', () => {
    const seq = (n: number) => db.insert(sequences).values({ photoCount: n }).returning({ id: sequences.id }).get().id;
    const s1 = seq(3);
    const [a, b, c] = [add('embedded', s1), add('embedded', s1), add('detected', s1)];
    expect(moveSequenceImages(db, s1, ['embedded'], 'done')).toBe(2);
    expect([a, b, c].map((id) => getImageState(db, id))).toEqual(['done', 'done', 'detected']);
    const s2 = seq(1);
    setImageSequence(db, [a], s2);
    expect(getImage(db, a)).toMatchObject({ state: 'embedded', sequenceId: s2 });
    leaveSequences(db, [s1]);
    expect([b, c].map((id) => getImage(db, id)!)).toMatchObject([
      { state: 'embedded', sequenceId: null },
      { state: 'detected', sequenceId: null },
    ]);
  });
});
