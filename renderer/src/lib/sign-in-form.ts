/**
 * Checks the sign-in form before it goes to main, so the agent gets a plain sentence about the
 * field that is wrong rather than a schema error. Main validates again with the same schema.
 */
import { voicenterSignInSchema, type VoicenterSignIn } from '@shared/ipc/contract';
import { isSecureUrl } from '@shared/net/secure-url';
import type { LoginType } from '@shared/domain/connection';
import type { MessageKey } from './i18n/en';

/**
 * Voicenter's own login service. A form that shows this address would invite agents to edit it,
 * so it counts as "no white-label server". (Same value as main's default; it could live in shared/.)
 */
export const VOICENTER_LOGIN_BASE_URL = 'https://loginapi.voicenter.co.il/monitorAPI/Login';

/** The white-label login server to prefill, or '' for Voicenter's own. */
export function whiteLabelServer(remembered: string): string {
  return remembered.trim().replace(/\/+$/, '') === VOICENTER_LOGIN_BASE_URL ? '' : remembered;
}

export interface SignInFields {
  loginType: LoginType;
  email: string;
  username: string;
  password: string;
  token: string;
  loginBaseUrl: string;
}

export type SignInField = Exclude<keyof SignInFields, 'loginType'>;

export type SignInCheck =
  | { ok: true; value: VoicenterSignIn }
  | {
      ok: false;
      field: SignInField | null;
      message: MessageKey;
      /** The words' parameters: the field's label (a key) and, for a too-long value, its limit. */
      params?: { field: MessageKey; max?: number };
    };

/** Each field's label, so a refusal names the field as the form does. */
export const fieldLabels: Record<SignInField, MessageKey> = {
  email: 'signin.email',
  username: 'signin.username',
  password: 'signin.password',
  token: 'signin.token',
  loginBaseUrl: 'signin.loginBaseUrl',
};

const isField = (key: unknown): key is SignInField =>
  typeof key === 'string' && Object.hasOwn(fieldLabels, key);

export function checkSignIn(fields: SignInFields): SignInCheck {
  const loginBaseUrl = fields.loginBaseUrl.trim();
  const problem = (field: SignInField, message: MessageKey): SignInCheck => ({
    ok: false,
    field,
    message,
  });
  let input: VoicenterSignIn;
  switch (fields.loginType) {
    case 'user': {
      const email = fields.email.trim();
      if (email === '') return problem('email', 'signin.err.email');
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) return problem('email', 'signin.err.emailShape');
      if (fields.password === '') return problem('password', 'signin.err.password');
      input = { loginType: 'user', email, password: fields.password };
      break;
    }
    case 'account': {
      const username = fields.username.trim();
      if (username === '') return problem('username', 'signin.err.username');
      if (fields.password === '') return problem('password', 'signin.err.password');
      input = { loginType: 'account', username, password: fields.password };
      break;
    }
    case 'token': {
      const token = fields.token.trim();
      if (token === '') return problem('token', 'signin.err.token');
      if (token.length < 8) return problem('token', 'signin.err.tokenShort');
      input = { loginType: 'token', token };
      break;
    }
  }
  if (loginBaseUrl !== '') {
    if (!isSecureUrl(loginBaseUrl)) return problem('loginBaseUrl', 'secureUrl.refused');
    input = { ...input, loginBaseUrl };
  }
  const parsed = voicenterSignInSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  // What the checks above leave to the schema is mostly a length limit: name the field and it.
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  if (!issue || !isField(field)) return { ok: false, field: null, message: 'signin.err.generic' };
  const params = { field: fieldLabels[field] };
  return issue.code === 'too_big' && typeof issue.maximum === 'number'
    ? { ok: false, field, message: 'signin.err.tooLong', params: { ...params, max: issue.maximum } }
    : { ok: false, field, message: 'signin.err.field', params };
}
