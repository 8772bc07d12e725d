import { z } from 'zod';
import { defineSection, type ConfigSplit, type SecretKey } from '../section';
import { secureUrlSchema } from '../../../../shared/net/secure-url';

export const DEFAULT_LOGIN_BASE_URL = 'https://loginapi.voicenter.co.il/monitorAPI/Login';
export const VOICENTER_SECRET: SecretKey = 'voicenter.secret';

/** Voicenter sign-in. The password, pin or token itself lives in the SecretStore as `voicenter.secret`. */
export const voicenterSection = defineSection({
  schema: z.object({
    loginType: z.enum(['user', 'account', 'token']).default('user'),
    /** The email (user logins) or username (account logins); '' for token logins. */
    identity: z.string().trim().max(254).default(''),
    /** White-label resellers run the login service on their own domains. */
    loginBaseUrl: secureUrlSchema.default(DEFAULT_LOGIN_BASE_URL),
    /** The agent's own extensions: calls ringing there raise an alert. */
    ownExtensions: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{1,12}$/, 'an extension is digits only'),
      )
      .max(50)
      .default(() => []),
  }),
  secretFields: { password: VOICENTER_SECRET, pin: VOICENTER_SECRET, token: VOICENTER_SECRET },
  fromConfig: voicenterFromConfig,
  // A white-label login address refused on reading falls back to Voicenter's own: the reseller's
  // password must not follow it there.
  secretsOfServer: { loginBaseUrl: [VOICENTER_SECRET] },
});

const IDENTITY_FIELDS = ['identity', 'email', 'username'] as const;
const SECRET_FIELDS = ['password', 'pin', 'token'] as const;
const SECRET_FOR: Record<string, readonly string[]> = {
  user: ['password', 'pin'],
  account: ['password'],
  token: ['token'],
};

/**
 * The config file speaks the agent's words: `email` (user logins), `username` (account logins),
 * `password` or `pin` (the same thing for user logins; the API calls it pin) and `token`.
 */
function voicenterFromConfig(raw: Record<string, unknown>): ConfigSplit {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  const secrets: ConfigSplit['secrets'] = {};

  const identities = IDENTITY_FIELDS.filter((field) => raw[field] !== undefined);
  if (identities.length > 1) {
    problems.push(
      `"voicenter" names the account more than once (${identities.join(', ')}); give only one`,
    );
  } else if (identities[0] !== undefined) {
    values.identity = raw[identities[0]];
  }

  const given = SECRET_FIELDS.filter((field) => raw[field] !== undefined);
  const loginType = typeof raw.loginType === 'string' ? raw.loginType : undefined;
  if (given.length > 1) {
    problems.push(
      `"voicenter" has more than one of password, pin and token (${given.join(', ')}); give only one`,
    );
  } else if (given[0] !== undefined) {
    const field = given[0];
    const value = raw[field];
    const allowed = loginType ? SECRET_FOR[loginType] : undefined;
    if (typeof value !== 'string' || value.length === 0) {
      problems.push(`"voicenter.${field}" must be a non-empty text value`);
    } else if (allowed && !allowed.includes(field)) {
      problems.push(
        `"voicenter.${field}" does not go with "loginType": "${loginType}" (that sign-in takes ${allowed.join(' or ')})`,
      );
    } else {
      secrets[VOICENTER_SECRET] = value;
    }
  }

  for (const [field, value] of Object.entries(raw)) {
    if (
      !(IDENTITY_FIELDS as readonly string[]).includes(field) &&
      !(SECRET_FIELDS as readonly string[]).includes(field)
    ) {
      values[field] = value;
    }
  }
  return { values, secrets, problems };
}
