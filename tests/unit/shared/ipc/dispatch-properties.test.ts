/**
 * Property-based tests of the one IPC entry point: whatever a window sends, `dispatch` answers an
 * `IpcResult` and never throws, and a handler runs only with arguments its schema accepts. Every
 * method of the contract is driven with arbitrary values and with mutations of valid calls; the
 * real handlers are replaced by stubs that record what they were given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods, type ApiHandlers, type MethodName } from '../../../../shared/ipc/contract';
import { UserFacingError, dispatch } from '../../../../shared/ipc/dispatch';
import { methodNames } from '../../../../shared/ipc/names';

const RUNS = { numRuns: 200 };

/** Valid calls of every method (the compiler refuses a method without any). */
const VALID: Record<MethodName, readonly unknown[][]> = {
  getSnapshot: [[]],
  watchBoard: [[{ all: true }], [{ extensions: ['101', '5000001'] }], [{ extensions: [] }]],
  signInVoicenter: [
    [{ loginType: 'user', email: 'agent@example.co.il', password: 'pin-1' }],
    [
      {
        loginType: 'account',
        username: 'acme',
        password: 'pw',
        loginBaseUrl: 'https://login.reseller.example/monitorAPI/Login',
      },
    ],
    [
      {
        loginType: 'token',
        token: 'acct-token-1234',
        loginBaseUrl: 'http://127.0.0.1:4567/monitorAPI/Login',
      },
    ],
  ],
  useDemo: [[]],
  signOut: [[]],
  reconnect: [[]],
  updateSettings: [[{ ownExtensions: ['201', '202'], notifications: { enabled: true } }], [{}]],
  testRing: [[]],
  dismissNotice: [['notice-1']],
  exportDiagnostics: [[]],
  getUpdateStatus: [[]],
  restartToUpdate: [[]],
  rocketChatSignIn: [
    [{ serverUrl: 'https://chat.example', username: 'agent', password: 'pw', code: '123456' }],
    [{ serverUrl: 'http://localhost:3000', userId: 'u1', personalAccessToken: 'pat-12345678' }],
  ],
  rocketChatSignOut: [[]],
  openRoom: [['ivr-1']],
  roomAction: [['ivr-1', 'hold']],
  wrapUp: [['ivr-1', { comment: 'Sold', tags: ['sale', 'vip'] }]],
  retryAction: [['action-1']],
  discardAction: [['action-1']],
  openRoomInBrowser: [['ivr-1']],
  updateRocketChatSettings: [[{ autoOpenRoom: true, keepInStep: false, defaultTags: ['sale'] }]],
  configureSignalWire: [
    [{ mode: 'token', space: 'acme', projectId: 'p-1', apiToken: 'PT-secret' }],
    [{ mode: 'relay', relayUrl: 'https://voice.example.org/sw', relayToken: null }],
    [{ mode: 'off' }],
  ],
  testSignalWire: [[]],
  linkSignalWireCall: [
    ['ivr-1', 'sw-call-1'],
    ['ivr-1', null],
  ],
  sendSignalWireEvent: [['ivr-1', '{"type":"order.confirmed"}']],
  sendSignalWirePreset: [['ivr-1', 0]],
  endSignalWireCall: [['ivr-1']],
  updateSignalWireSettings: [
    [
      {
        mirrorCallEvents: true,
        presets: [{ label: 'Done', event: { type: 'done' } }],
        customDataKey: 'sw_call_id',
      },
    ],
  ],
  queryHistory: [
    [{ offset: 0, limit: 50 }],
    [
      {
        offset: 50,
        limit: 50,
        outcomes: ['missed', 'abandoned'],
        directions: ['incoming'],
        text: '050',
      },
    ],
  ],
  exportHistory: [[{}], [{ outcomes: ['answered'], text: 'Dana' }]],
  markHistorySeen: [[]],
  callBack: [['ivr-1:201']],
  updateQueueAlerts: [[{ alertWaitSeconds: 90, alertWaitingCount: 5 }], [{ alertWaitSeconds: 0 }]],
  updateDesktopSettings: [
    [{ alertMode: 'notify', dnd: { on: true, minutes: 30 } }],
    [{ dnd: { on: false }, startAtLogin: true, shortcuts: { showWindow: 'CmdOrCtrl+Alt+R' } }],
    [{}],
  ],
  markMissedSeen: [[]],
  openCallLink: [['tel:+972501234567']],
  confirmCallLink: [['link-1']],
  cancelCallLink: [['link-1']],
  closeHintShown: [[]],
};

interface Recorded {
  name: string;
  args: unknown[];
}

/** Every handler records its arguments; `behave` decides what it then does. */
function stubs(calls: Recorded[], behave: () => unknown = () => undefined): ApiHandlers {
  const entries = methodNames.map(
    (name) =>
      [
        name,
        (...args: unknown[]) => {
          calls.push({ name, args });
          return behave();
        },
      ] as const,
  );
  return Object.fromEntries(entries) as unknown as ApiHandlers;
}

const isIpcResult = (result: unknown): boolean => {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return false;
  if (result.ok === true) return 'value' in result;
  if (result.ok !== false || !('error' in result)) return false;
  const error = result.error as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' && typeof error.message === 'string';
};

const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

type Path = (string | number)[];

/** Every place inside a value that a mutation can touch: the value itself, then each member. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (typeof value === 'object' && value !== null) {
    return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  }
  return here;
}

type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'delete'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: unknown };

function applyMutation(args: unknown[], mutation: Mutation): unknown {
  const root: unknown = structuredClone(args);
  const { path } = mutation;
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  switch (mutation.kind) {
    case 'replace':
      parent[last] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'add': {
      const target = parent[last];
      if (Array.isArray(target)) target.push(mutation.value);
      else if (typeof target === 'object' && target !== null)
        (target as Record<string, unknown>)[mutation.key] = mutation.value;
      else parent[last] = mutation.value;
      break;
    }
  }
  return root;
}

/** Near misses: the texts that sit on the edges of the schemas (lengths, spaces, schemes, digits). */
const edgeValue = fc.oneof(
  anyValue,
  fc.constantFrom('', ' ', '   x   ', '0', '-1', '1e3', 'NaN', '__proto__', 'constructor'),
  fc.constantFrom(
    'http://chat.example',
    'http://127.0.0.1.evil.example',
    'http://localhost@evil.example',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://',
    'https://chat.example',
    'http://[::1]:3000',
  ),
  fc.string({ minLength: 0, maxLength: 5000 }),
  fc.integer(),
  fc.double(),
);

const mutationOf = (valid: unknown[]): fc.Arbitrary<Mutation> => {
  const paths = fc.constantFrom(...pathsOf(valid));
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path: paths, value: edgeValue }),
    fc.record({ kind: fc.constant('delete' as const), path: paths }),
    fc.record({
      kind: fc.constant('add' as const),
      path: paths,
      key: fc.oneof(fc.string(), fc.constantFrom('extra', '__proto__', 'constructor')),
      value: edgeValue,
    }),
  );
};

/** Runs one call through `dispatch` and checks both properties against the method's own schema. */
async function checkCall(name: MethodName, raw: unknown): Promise<void> {
  const calls: Recorded[] = [];
  const unexpected: unknown[] = [];
  const result = await dispatch(stubs(calls), name, raw as unknown[], (_m, e) =>
    unexpected.push(e),
  );
  expect(isIpcResult(result)).toBe(true);
  expect(unexpected).toEqual([]);
  const schema = methods[name].args;
  const accepted = schema.safeParse(raw).success;
  expect(calls.length).toBe(accepted ? 1 : 0);
  expect(result.ok).toBe(accepted);
  if (!result.ok) expect(result.error.code).toBe('invalid-arguments');
  for (const call of calls) {
    expect(call.name).toBe(name);
    // What the handler sees satisfies the schema in its own right (trimmed, defaulted, checked).
    expect(schema.safeParse(call.args).success).toBe(true);
  }
}

describe('dispatch, for every method of the contract', () => {
  it('has valid samples that the schemas accept, for every method', async () => {
    for (const name of methodNames) {
      for (const args of VALID[name]) {
        const calls: Recorded[] = [];
        const result = await dispatch(stubs(calls), name, args, () => undefined);
        expect(result, `${name} ${JSON.stringify(args)}`).toEqual({ ok: true, value: undefined });
        expect(calls).toHaveLength(1);
      }
    }
  });

  describe.each(methodNames.map((name) => [name]))('%s', (name) => {
    it('answers an IpcResult for arbitrary arguments, and calls the handler only with valid ones', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.array(anyValue, { maxLength: 4 }), anyValue), async (raw) => {
          await checkCall(name, raw);
        }),
        RUNS,
      );
    });

    it('does the same for near misses of valid calls', async () => {
      const samples = VALID[name];
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...samples)
            .chain((valid) => mutationOf(valid).map((m) => applyMutation(valid, m))),
          async (raw) => {
            await checkCall(name, raw);
          },
        ),
        RUNS,
      );
    });
  });

  it('refuses an event that is no JSON at all (a BigInt, a cycle) instead of throwing', async () => {
    // Electron's structured clone carries both; measuring the event's JSON text used to throw.
    const cycle: Record<string, unknown> = { type: 'loop' };
    cycle['self'] = cycle;
    for (const event of [{ type: 1n }, cycle]) {
      const presets = [{ label: 'Odd', event }];
      await checkCall('updateSignalWireSettings', [{ presets }]);
      const result = await dispatch(stubs([]), 'updateSignalWireSettings', [{ presets }], () => {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
  });

  it('refuses any other method name, prototype names included, without calling anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
        ),
        fc.array(anyValue, { maxLength: 3 }),
        async (name, args) => {
          fc.pre(!(methodNames as readonly string[]).includes(name));
          const calls: Recorded[] = [];
          const result = await dispatch(stubs(calls), name, args, () => undefined);
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
          expect(calls).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('turns whatever a handler throws into an IpcResult: its words for UserFacingError, "internal" otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methodNames),
        fc.oneof(
          anyValue.map((thrown) => ({ thrown, userFacing: false })),
          fc.tuple(fc.string(), fc.string()).map(([code, words]) => ({
            thrown: new UserFacingError(code, words),
            userFacing: true,
          })),
        ),
        fc.boolean(),
        async (name, { thrown, userFacing }, rejects) => {
          const calls: Recorded[] = [];
          const unexpected: unknown[] = [];
          const handlers = stubs(calls, () => {
            // A rejected promise, as an async handler's failure arrives.
            if (rejects)
              return Promise.resolve().then(() => {
                throw thrown;
              });
            throw thrown;
          });
          const args = VALID[name][0] ?? [];
          const result = await dispatch(handlers, name, args, (_m, e) => unexpected.push(e));
          expect(isIpcResult(result)).toBe(true);
          expect(result.ok).toBe(false);
          if (userFacing && thrown instanceof UserFacingError) {
            expect(result).toEqual({
              ok: false,
              error: { code: thrown.code, message: thrown.message },
            });
            expect(unexpected).toEqual([]);
          } else {
            expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
            expect(unexpected).toHaveLength(1);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('dispatch and the secure-URL rule', () => {
  const insecureUrl = fc
    .webUrl({ validSchemes: ['http'], withQueryParameters: true })
    .filter((url) => !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(url + '/'));

  const calls = (url: string): [MethodName, unknown[]][] => [
    [
      'signInVoicenter',
      [{ loginType: 'user', email: 'a@b.co', password: 'pw', loginBaseUrl: url }],
    ],
    ['signInVoicenter', [{ loginType: 'token', token: 'acct-token-1', loginBaseUrl: url }]],
    ['rocketChatSignIn', [{ serverUrl: url, username: 'agent', password: 'pw' }]],
    ['rocketChatSignIn', [{ serverUrl: url, userId: 'u1', personalAccessToken: 'pat-12345678' }]],
    ['configureSignalWire', [{ mode: 'relay', relayUrl: url, relayToken: 'relay-secret' }]],
    ['configureSignalWire', [{ mode: 'token', space: url, projectId: 'p1', apiToken: 'PT-1' }]],
  ];

  it('never hands a plain-http address off this computer to a handler', async () => {
    await fc.assert(
      fc.asyncProperty(insecureUrl, async (url) => {
        for (const [name, args] of calls(url)) {
          const recorded: Recorded[] = [];
          const result = await dispatch(stubs(recorded), name, args, () => undefined);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
          if (!result.ok) expect(result.error.message).toMatch(/must start with https:\/\//);
          expect(recorded).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it.each(['http://127.0.0.1:4567/x', 'http://localhost:3000', 'http://[::1]:9000/sw'])(
    'lets the demo and the tests use %s on this computer',
    async (url) => {
      for (const [name, args] of calls(url)) {
        const recorded: Recorded[] = [];
        const result = await dispatch(stubs(recorded), name, args, () => undefined);
        expect(result, name).toEqual({ ok: true, value: undefined });
        expect(recorded).toHaveLength(1);
      }
    },
  );
});

describe('refusals in words', () => {
  it('names a value that is too long and says how long it may be', async () => {
    const result = await dispatch(
      stubs([]),
      'configureSignalWire',
      [{ mode: 'relay', relayUrl: 'https://relay.example/sw', relayToken: 'x'.repeat(300_000) }],
      () => undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        'The relay token is too long for Ringside to accept (at most 4096 characters). Shorten it and try again.',
      );
    }
  });
});
