import type { Handlers } from '../../shared/ipc/define';
import type { coreMethods, VoicenterSignIn, WindowMethod } from '../../shared/ipc/contract';
import { UserFacingError } from '../../shared/ipc/dispatch';
import { say } from '../../shared/messages/translate';
import {
  DEFAULT_LOGIN_BASE_URL,
  VOICENTER_SECRET,
  type SecretStore,
  type SettingsStore,
} from './settings';
import { loginFailureSays, loginVoicenter } from './voicenter/login-api';
import type { VoicenterCredentials } from './voicenter/types';
import type { Notices } from './calls/notices';
import type { Telephony } from './calls/telephony';

export interface CoreHandlerDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  notices: Notices;
  telephony: Telephony;
  testRing: () => Promise<void>;
  connectAccount: (credentials: VoicenterCredentials) => Promise<void>;
  connectDemo: () => Promise<void>;
  signOut: () => Promise<void>;
  diagnostics: () => string;
  voicenterTimeoutMs: number | undefined;
}

export function credentialsFrom(input: VoicenterSignIn): VoicenterCredentials {
  const loginBaseUrl = input.loginBaseUrl ?? DEFAULT_LOGIN_BASE_URL;
  switch (input.loginType) {
    case 'user':
      return { loginType: 'user', identity: input.email, secret: input.password, loginBaseUrl };
    case 'account':
      return {
        loginType: 'account',
        identity: input.username,
        secret: input.password,
        loginBaseUrl,
      };
    case 'token':
      return { loginType: 'token', identity: '', secret: input.token, loginBaseUrl };
  }
}

/**
 * The handlers of the core IPC methods (sign-in, demo, settings, self-checks); the window's own
 * (its state, what it watches) come with its link (`RingsideCore.connectWindow`).
 */
export function coreHandlers(
  deps: CoreHandlerDeps,
): Omit<Handlers<typeof coreMethods>, WindowMethod> {
  return {
    async signInVoicenter(input) {
      const credentials = credentialsFrom(input);
      // Check the credentials once before anything is stored, so a typo is an answer to the form
      // rather than a background retry loop.
      const result = await loginVoicenter(credentials, {
        ...(deps.voicenterTimeoutMs ? { timeoutMs: deps.voicenterTimeoutMs } : {}),
      });
      if (!result.ok)
        throw new UserFacingError(`voicenter-${result.kind}`, loginFailureSays(result));
      deps.secrets.set(VOICENTER_SECRET, credentials.secret);
      deps.settings.update({
        app: { mode: 'account' },
        voicenter: {
          loginType: credentials.loginType,
          identity: credentials.identity,
          loginBaseUrl: credentials.loginBaseUrl ?? DEFAULT_LOGIN_BASE_URL,
        },
      });
      deps.notices.dismiss('voicenter-signin-needed');
      if (!deps.secrets.persistent) {
        deps.notices.add('warning', say('settings.secrets-memory-only'), 'secrets-memory-only');
      }
      await deps.connectAccount(credentials);
    },

    useDemo: () => deps.connectDemo(),

    async signOut() {
      await deps.signOut();
      deps.secrets.delete(VOICENTER_SECRET);
      deps.settings.update({ app: { mode: 'signed-out' } });
    },

    reconnect() {
      deps.telephony.reconnectNow('the agent asked to reconnect');
    },

    updateSettings(patch) {
      deps.settings.update({
        ...(patch.language ? { language: { choice: patch.language } } : {}),
        ...(patch.ownExtensions ? { voicenter: { ownExtensions: patch.ownExtensions } } : {}),
        ...(patch.notifications ? { notifications: patch.notifications } : {}),
      });
      return {
        ...deps.settings.view((key) => deps.secrets.has(key)),
        language: deps.settings.languageView(),
      };
    },

    async testRing() {
      try {
        await deps.testRing();
      } catch (error) {
        // Already in words (no notification service at all): passed on as it is.
        if (error instanceof UserFacingError) throw error;
        throw new UserFacingError('notification-failed', say('notify.test-failed'));
      }
    },

    dismissNotice(id) {
      deps.notices.dismiss(id);
    },

    exportDiagnostics: () => deps.diagnostics(),
  };
}
