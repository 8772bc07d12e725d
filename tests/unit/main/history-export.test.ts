import { describe, expect, it } from 'vitest';
import type { BaseWindow, Dialog, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { createCopyText, createSaveTextFile } from '../../../electron/main/adapters/history-export';

/** A save dialog that answers as the agent would, recording how it was asked. */
function fakeDialog(answer: SaveDialogReturnValue) {
  const asked: { parent: unknown; options: SaveDialogOptions }[] = [];
  const dialog = {
    showSaveDialog: (a: unknown, b?: SaveDialogOptions) => {
      asked.push(b ? { parent: a, options: b } : { parent: null, options: a as SaveDialogOptions });
      return Promise.resolve(answer);
    },
  } as unknown as Pick<Dialog, 'showSaveDialog'>;
  return { dialog, asked };
}

describe('createSaveTextFile', () => {
  it('writes the text where the agent chose, over the window', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePath: '/home/a/calls.csv' });
    const written: [string, string][] = [];
    const window = {} as BaseWindow;
    const save = createSaveTextFile(
      dialog,
      () => window,
      (path, text) => {
        written.push([path, text]);
        return Promise.resolve();
      },
    );
    expect(await save('ringside-calls-2026-11-30.csv', 'a,b\r\n')).toBe('/home/a/calls.csv');
    expect(written).toEqual([['/home/a/calls.csv', 'a,b\r\n']]);
    expect(asked[0]?.parent).toBe(window);
    expect(asked[0]?.options.defaultPath).toBe('ringside-calls-2026-11-30.csv');
  });

  it('writes nothing when the agent cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePath: '' });
    const written: string[] = [];
    const save = createSaveTextFile(
      dialog,
      () => null,
      (path) => {
        written.push(path);
        return Promise.resolve();
      },
    );
    expect(await save('x.csv', 'x')).toBeNull();
    expect(written).toEqual([]);
  });
});

describe('createCopyText', () => {
  it('puts the text on the clipboard', () => {
    const copied: string[] = [];
    createCopyText({ writeText: (text) => void copied.push(text) })('050-123-4567');
    expect(copied).toEqual(['050-123-4567']);
  });
});
