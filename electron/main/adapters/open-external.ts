import type { Shell } from 'electron';
import { externalLinkTarget } from '../security/policy';

/**
 * Opens a link the agent chose in their browser: parsed `https:` URLs only (no `file:`, no custom
 * schemes that launch other programs, no credentials in the URL). Anything else is refused.
 */
export function createOpenExternal(shell: Pick<Shell, 'openExternal'>) {
  return async (url: string): Promise<void> => {
    const target = externalLinkTarget(url);
    if (!target) throw new Error('Ringside only opens https links in the browser.');
    await shell.openExternal(target);
  };
}
