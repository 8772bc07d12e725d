// The subset of ajv 8 (`coerceTypes: true`, `allErrors: false`) that the simulated routes' schemas
// use, interpreted so the simulator reproduces ajv's error list byte for byte without adding a
// dependency. Order matters and follows ajv's rule groups: type (with coercion), then untyped
// keywords (enum, oneOf), then object keywords (required, additionalProperties, properties).
// Without allErrors a schema stops at its first failing keyword; oneOf still runs every branch.

export interface Schema {
  readonly type?: 'string' | 'number' | 'object' | 'array';
  readonly nullable?: boolean;
  readonly enum?: readonly string[];
  readonly oneOf?: readonly Schema[];
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
}

type Outcome = { ok: true; value: unknown } | { ok: false };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coerce(type: NonNullable<Schema['type']>, value: unknown): Outcome {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean')
        return { ok: true, value: String(value) };
      if (value === null) return { ok: true, value: '' };
      return { ok: false };
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
      if (value === null) return { ok: true, value: 0 };
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return { ok: true, value: Number(value) };
      return { ok: false };
    case 'object':
      return isObject(value) ? { ok: true, value } : { ok: false };
    case 'array':
      return Array.isArray(value) ? { ok: true, value } : { ok: false };
  }
}

function run(schema: Schema, input: unknown, errors: string[]): Outcome {
  let value = input;
  if (schema.type) {
    if (value === null && schema.nullable) return { ok: true, value };
    const coerced = coerce(schema.type, value);
    if (!coerced.ok) {
      errors.push(`must be ${schema.type}`);
      return { ok: false };
    }
    value = coerced.value;
  }
  if (schema.enum && !(typeof value === 'string' && schema.enum.includes(value))) {
    errors.push('must be equal to one of the allowed values');
    return { ok: false };
  }
  if (schema.oneOf) {
    const before = errors.length;
    let passing = 0;
    for (const branch of schema.oneOf) {
      const outcome = run(branch, value, errors);
      if (outcome.ok) passing += 1;
    }
    if (passing !== 1) {
      errors.push('must match exactly one schema in oneOf');
      return { ok: false };
    }
    errors.length = before;
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined) {
        errors.push(`must have required property '${key}'`);
        return { ok: false };
      }
    }
    if (schema.additionalProperties === false) {
      const allowed = schema.properties ?? {};
      if (Object.keys(value).some((key) => !Object.hasOwn(allowed, key))) {
        errors.push('must NOT have additional properties');
        return { ok: false };
      }
    }
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (value[key] === undefined) continue;
      const outcome = run(sub, value[key], errors);
      if (!outcome.ok) return { ok: false };
      value[key] = outcome.value;
    }
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i += 1) {
      const outcome = run(schema.items, value[i], errors);
      if (!outcome.ok) return { ok: false };
      value[i] = outcome.value;
    }
  }
  return { ok: true, value };
}

/** ajv's `errors.map(e => e.message)` for `data`, or null when valid. Coerces `data` in place. */
export function validate(schema: Schema, data: unknown): string[] | null {
  const errors: string[] = [];
  return run(schema, data, errors).ok ? null : errors;
}

// From @rocket.chat/rest-typings (v1/voip): isVoipRoomProps.
export const voipRoomSchema: Schema = {
  oneOf: [
    {
      type: 'object',
      properties: {
        token: { type: 'string' },
        agentId: { type: 'string' },
        direction: { type: 'string', enum: ['inbound', 'outbound'] },
      },
      required: ['token', 'agentId'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { rid: { type: 'string' }, token: { type: 'string' } },
      required: ['rid', 'token'],
      additionalProperties: false,
    },
  ],
};

// From @rocket.chat/rest-typings (v1/voip): isVoipRoomCloseProps.
export const voipRoomCloseSchema: Schema = {
  type: 'object',
  properties: {
    rid: { type: 'string' },
    token: { type: 'string' },
    options: {
      type: 'object',
      properties: {
        comment: { type: 'string', nullable: true },
        tags: { type: 'array', items: { type: 'string' }, nullable: true },
      },
    },
  },
  required: ['rid', 'token'],
  additionalProperties: false,
};

// From @rocket.chat/rest-typings (v1/chat): isChatSyncMessagesProps.
export const chatSyncMessagesSchema: Schema = {
  type: 'object',
  properties: {
    roomId: { type: 'string' },
    lastUpdate: { type: 'string', nullable: true },
    count: { type: 'number', nullable: true },
    next: { type: 'string', nullable: true },
    previous: { type: 'string', nullable: true },
    type: { type: 'string', enum: ['UPDATED', 'DELETED'], nullable: true },
  },
  required: ['roomId'],
  additionalProperties: false,
};
