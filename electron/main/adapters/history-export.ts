import { writeFile } from 'node:fs/promises';
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron';

/**
 * The history's two desktop needs: a save dialog for the CSV (over the window when there is one)
 * and the clipboard for "call back". Thin on purpose: what is saved and copied is decided in the
 * core (`core/history/`).
 */
export function createSaveTextFile(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BaseWindow | null,
  write: (path: string, text: string) => Promise<void> = (path, text) =>
    writeFile(path, text, { encoding: 'utf8', mode: 0o600 }),
) {
  return async (suggestedName: string, text: string): Promise<string | null> => {
    const options: SaveDialogOptions = {
      defaultPath: suggestedName,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await write(result.filePath, text);
    return result.filePath;
  };
}

/** Electron's `clipboard` (its `writeText` is synchronous). */
export function createCopyText(clipboard: { writeText(text: string): void }) {
  return (text: string): void => clipboard.writeText(text);
}
