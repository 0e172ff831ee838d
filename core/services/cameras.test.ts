// The camera methods through the same dispatch the hosts use: arguments checked by the contract, bad places refused
// with a readable message and nothing stored, changes announced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type MethodName } from '../contract';
import { listCameras } from '../queries/cameras';
import { importFixturePhotos, type TestLibrary } from '../../testing/interopLibrary';
import { cameraHandlers } from './cameras';
import { dispatch, type Handlers } from './dispatch';
import { EventHub } from './hub';

let t: TestLibrary;
let handlers: Handlers;
const announced: string[][] = [];

beforeAll(async () => {
  t = await importFixturePhotos(2);
  const events = new EventHub();
  events.subscribe((name, payload) => {
    if (name === 'library.changed') announced.push((payload as { scopes: string[] }).scopes);
  });
  handlers = { ...cameraHandlers(t.library, events), 'cameras.list': () => listCameras(t.library.db) } as Handlers;
});
afterAll(() => t.library.close());

const call = (method: MethodName, args: unknown) => dispatch(handlers, method, args);

describe('cameras.* over dispatch', () => {
  it('refuses out-of-range coordinates and malformed offsets, storing nothing', async () => {
    const [camera] = listCameras(t.library.db);
    const before = JSON.stringify(listCameras(t.library.db));
    for (const [args, message] of [
      [{ latitude: 95, longitude: 10 }, /latitude must be between -90 and 90 degrees/],
      [{ latitude: 10, longitude: -200 }, /longitude must be between -180 and 180 degrees/],
      [{ latitude: 10 }, /give latitude and longitude together/],
      [{ utcOffset: '5:00' }, /a UTC offset looks like \+02:00/],
    ] as const) {
      const reply = await call('cameras.update', { id: camera!.id, name: 'Changed', ...args });
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('invalid_args');
        expect(JSON.stringify(reply.error)).toMatch(message);
      }
    }
    expect(JSON.stringify(listCameras(t.library.db))).toBe(before);
    expect(announced).toEqual([]);
  });

  it('stores a place and offset, says so, and says plainly when photos carry no GPS', async () => {
    const [camera] = listCameras(t.library.db);
    const reply = await call('cameras.update', {
      id: camera!.id,
      latitude: -33.9,
      longitude: 18.4,
      utcOffset: '+02:00',
    });
    expect(reply.ok).toBe(true);
    const result = METHODS['cameras.update'].result.parse(reply.ok ? reply.result : null);
    expect(result).toMatchObject({ latitude: -33.9, longitude: 18.4, utcOffset: '+02:00', key: camera!.key });
    expect(announced).toEqual([['cameras']]);
    const gps = await call('cameras.locateFromPhotos', { id: camera!.id });
    expect(gps.ok).toBe(false);
    if (!gps.ok) expect(gps.error.message).toMatch(/carries a GPS position: type the coordinates or pick them/);
  });
});
