import type { SignInFields } from '@renderer/lib/sign-in-form';

/** The sign-in form as it opens: user sign-in, nothing typed. */
export const blank: SignInFields = {
  loginType: 'user',
  email: '',
  username: '',
  password: '',
  token: '',
  loginBaseUrl: '',
};
