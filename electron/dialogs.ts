// Native dialogs: the folder and file pickers, the library chooser shown when no library is known, and saving a PDF.
import fs from 'node:fs';
import { dialog, type BrowserWindow } from 'electron';

export async function pickFolder(win: BrowserWindow | null, title = 'Choose a folder'): Promise<string | null> {
  const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** An open-file dialog; `extensions` (lower case, no dot) limit what it shows, as the contract validated them. */
export async function pickFile(
  win: BrowserWindow | null,
  { title = 'Choose a file', extensions }: { title?: string; extensions?: string[] },
): Promise<string | null> {
  const options = {
    title,
    properties: ['openFile' as const],
    ...(extensions?.length ? { filters: [{ name: extensions.map((e) => `.${e}`).join(', '), extensions }] } : {}),
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export type LibraryChoice = { action: 'open' | 'create'; path: string } | null;

/** Asks which library to use; null when the person quits. */
export async function chooseLibrary(win: BrowserWindow | null): Promise<LibraryChoice> {
  for (;;) {
    const options = {
      type: 'question' as const,
      title: 'Thumper',
      message: 'Choose a Thumper library',
      detail: 'A library is a folder that holds your photos, their database and the detections.',
      buttons: ['Open a library…', 'Create a new library…', 'Quit'],
      defaultId: 0,
      cancelId: 2,
    };
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    if (response === 2) return null;
    const action = response === 0 ? 'open' : 'create';
    const dir = await pickFolder(win, action === 'open' ? 'Open a Thumper library' : 'Folder for the new library');
    if (dir) return { action, path: dir };
  }
}

/** Prints the window (its print stylesheet: the report alone) to a PDF saved where the person chooses. */
export async function savePdf(win: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  if (!win) return null;
  const result = await dialog.showSaveDialog(win, {
    title: 'Save the report as PDF',
    defaultPath: suggestedName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (result.canceled || !result.filePath) return null;
  const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  await fs.promises.writeFile(result.filePath, pdf);
  return result.filePath;
}
