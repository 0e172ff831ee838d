// After the run: remove the processed fixture card the specs copied (e2e/fixtureLibrary.ts).
import fs from 'node:fs';
import { templateDir } from './fixtureLibrary';

export default function globalTeardown(): void {
  fs.rmSync(templateDir(process.pid), { recursive: true, force: true });
}
