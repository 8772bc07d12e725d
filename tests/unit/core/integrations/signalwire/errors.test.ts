import { describe, expect, it } from 'vitest';
import {
  SignalWireError,
  SignalWireTransportError,
  describeSignalWireFailure,
} from '../../../../../electron/core/integrations/signalwire/errors';

const url = 'https://acme.signalwire.com/api/calling/calls';
const http = (status: number, body: unknown = null, via: 'direct' | 'relay' = 'direct') =>
  new SignalWireError(status, body, 'POST', url, via, null);

describe('describeSignalWireFailure', () => {
  it.each([
    [400, /malformed \(400\)/],
    [401, /project id and API token \(401\).*Voice scope/],
    [403, /Voice scope/],
    [404, /already ended \(404\)/],
    [409, /in progress \(409\)/],
    [429, /rate.*\(429\)/],
    [500, /internal problem \(500\).*Not retried/],
    [503, /unavailable.*\(503\)/],
  ])('explains %i in plain words', (status, words) => {
    expect(describeSignalWireFailure(http(status))).toMatch(words);
  });

  it('lists every 422 error of the errors array', () => {
    const body = {
      errors: [
        {
          type: 'validation_error',
          code: 'missing_required_parameter',
          message: 'event is required',
          attribute: 'event',
          url: 'x',
        },
        {
          type: 'validation_error',
          code: 'invalid_parameter_value',
          message: 'reason is odd',
          attribute: 'reason',
          url: 'x',
        },
      ],
    };
    const error = http(422, body);
    expect(error.errors.map((item) => item.code)).toEqual([
      'missing_required_parameter',
      'invalid_parameter_value',
    ]);
    expect(describeSignalWireFailure(error)).toBe(
      'SignalWire refused the request: event is required (event); reason is odd (reason) (422).',
    );
  });

  it('recognises a cXML call', () => {
    const error = http(422, { errors: [{ code: 'invalid_call_id_passed', message: 'm' }] });
    expect(describeSignalWireFailure(error)).toMatch(/cXML/);
  });

  it('names the relay in relay mode', () => {
    expect(describeSignalWireFailure(http(401, null, 'relay'))).toMatch(
      /relay did not accept its token/,
    );
  });

  it('explains transport failures, including whether the request may have arrived', () => {
    expect(
      describeSignalWireFailure(
        new SignalWireTransportError('timeout', true, 'POST', url, 'direct', null),
      ),
    ).toMatch(/may or may not have arrived/);
    expect(
      describeSignalWireFailure(
        new SignalWireTransportError('network', false, 'POST', url, 'direct', 'ECONNREFUSED'),
      ),
    ).toBe('Could not reach SignalWire (ECONNREFUSED).');
    expect(describeSignalWireFailure(new Error('boom'))).toMatch(/inside Ringside/);
  });
});
