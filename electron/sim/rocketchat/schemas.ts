// The request schemas of the routes Rocket.Chat validates with ajv (`validateParams`), copied from
// @rocket.chat/rest-typings and compiled by ajv 8 with the options rest-typings uses
// (`new Ajv({ coerceTypes: true })`): the error messages, their order and the coercions are the
// server's by construction.
import Ajv, { type ValidateFunction } from 'ajv';

const ajv = new Ajv({ coerceTypes: true });

// v1/voip: isVoipRoomProps.
export const isVoipRoomProps: ValidateFunction = ajv.compile({
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
});

// v1/voip: isVoipRoomCloseProps.
export const isVoipRoomCloseProps: ValidateFunction = ajv.compile({
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
});

// v1/chat: isChatSyncMessagesProps.
export const isChatSyncMessagesProps: ValidateFunction = ajv.compile({
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
});

/** ajv's messages for what `validate` last refused, as `validateParams` puts them in its error. */
export function ajvMessages(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => error.message ?? '');
}
