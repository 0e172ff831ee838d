import { describe, expect, it } from 'vitest';
import { detectionName } from './labels';

describe('detectionName', () => {
  it('names animals by category, never by the COCO class a detector gave a deer', () => {
    expect(detectionName({ model: 'yolox_nano_416', category: 'animal', sexAge: null })).toBe('animal');
    expect(detectionName({ model: 'my_deer', category: 'animal', sexAge: 'doe' })).toBe('animal · doe');
    expect(detectionName({ model: 'human', category: 'animal', sexAge: null })).toBe('animal (drawn)');
    expect(detectionName({ model: 'yolox_nano_416', category: 'vehicle', sexAge: null })).toBe('vehicle');
  });
});
