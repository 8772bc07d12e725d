/**
 * The demo account: who exists, which extensions and queues, and the demo credentials. Names and
 * numbers come from the public examples (Clark Kent at extension 1234567, Queue1, ...).
 */

export interface SimCredentials {
  /** `POST {base}/User` with `{email, pin}`; sees only `extension` and its queues. */
  user: { email: string; pin: string; extension: number };
  /** `POST {base}/Account` with `{username, password}`; sees the whole account. */
  account: { username: string; password: string };
  /** `POST {base}/Token` with `{token}`; an account token, sees the whole account. */
  token: string;
}

export interface CredentialOverrides {
  user?: Partial<SimCredentials['user']>;
  account?: Partial<SimCredentials['account']>;
  token?: string;
}

export const DEMO_CREDENTIALS: Readonly<SimCredentials> = Object.freeze({
  user: Object.freeze({ email: 'agent@demo.ringside.app', pin: '1234', extension: 1234567 }),
  account: Object.freeze({ username: 'demo', password: 'demo' }),
  token: 'demo-account-token',
});

export function resolveCredentials(overrides: CredentialOverrides = {}): SimCredentials {
  return {
    user: { ...DEMO_CREDENTIALS.user, ...overrides.user },
    account: { ...DEMO_CREDENTIALS.account, ...overrides.account },
    token: overrides.token ?? DEMO_CREDENTIALS.token,
  };
}

export interface ExtensionSeed {
  userID: number;
  userName: string;
  number: number;
  extenUser: string;
  representativeStatus: number;
}

export interface QueueSeed {
  QueueID: number;
  QueueName: string;
  /** Extension numbers that answer this queue. */
  members: number[];
}

/** The account's PersonId for account and token logins. */
export const DEMO_ACCOUNT_PERSON_ID = 100200;

export const DEMO_AGENT: ExtensionSeed = {
  userID: 7654321,
  userName: 'Clark Kent',
  number: 1234567,
  extenUser: 'SIPSIP1',
  representativeStatus: 1,
};

export const DEMO_COLLEAGUES: readonly ExtensionSeed[] = [
  {
    userID: 12345679,
    userName: 'Lois Lane',
    number: 9876542,
    extenUser: 'SIPSIP2',
    representativeStatus: 1,
  },
  {
    userID: 12345680,
    userName: 'Jimmy Olsen',
    number: 9876541,
    extenUser: 'SIPSIP3',
    representativeStatus: 1,
  },
];

/** Added and removed by `changeMonitoredSet('extensions')`. */
export const SPARE_EXTENSION: ExtensionSeed = {
  userID: 12345681,
  userName: 'Perry White',
  number: 9876540,
  extenUser: 'SIPSIP4',
  representativeStatus: 2,
};

export const QUEUE1_ID = 12345678;
export const QUEUE2_ID = 12345679;

export function demoQueues(agentExtension: number): QueueSeed[] {
  return [
    { QueueID: QUEUE1_ID, QueueName: 'Queue1', members: [agentExtension, 9876542] },
    { QueueID: QUEUE2_ID, QueueName: 'Queue2', members: [9876542, 9876541] },
  ];
}

/** Added and removed by `changeMonitoredSet('queues')`. */
export const SPARE_QUEUE: QueueSeed = {
  QueueID: 12345680,
  QueueName: 'Queue3',
  members: [9876541],
};

/** Callers the scenarios pick from (Israeli numbers in the formats the wire really carries). */
export const CALLER_POOL: readonly { name: string; phone: string }[] = [
  { name: 'John Doe', phone: '0501234567' },
  { name: 'Dana Levi', phone: '0547654321' },
  { name: 'Yossi Cohen', phone: '0731234567' },
  { name: 'Noa Mizrahi', phone: '972541112233' },
  { name: 'Avi Peretz', phone: '+972522223344' },
  { name: '0509998877', phone: '0509998877' },
];

export const DEMO_DID = '0722776772';
