import { describe, expect, it } from 'vitest';
import { errorMessageOf, isUnauthorized } from './error-message';

describe('errorMessageOf', () => {
  it('uses the message key the API error formatter put on a client error', () => {
    const error = { message: 'x', data: { code: 'CONFLICT', messageKey: 'errors.CONFLICT' } };
    expect(errorMessageOf(error)).toEqual({ key: 'errors.CONFLICT', params: undefined });
  });

  it('uses the DomainError behind a server-side caller error', () => {
    const error = { code: 'PRECONDITION_FAILED', cause: { messageKey: 'errors.INVALID_STATE', params: { n: 1 } } };
    expect(errorMessageOf(error)).toEqual({ key: 'errors.INVALID_STATE', params: { n: 1 } });
  });

  it('maps the generic codes and the network', () => {
    expect(errorMessageOf({ code: 'NOT_FOUND' })).toEqual({ key: 'errors.NOT_FOUND' });
    expect(errorMessageOf(new TypeError('Failed to fetch'))).toEqual({ key: 'errors.network' });
  });

  it('falls back to the unexpected message with the request id', () => {
    expect(errorMessageOf(new Error('boom'), 'ab12cd34')).toEqual({ key: 'errors.unexpected', params: { requestId: 'ab12cd34' } });
    expect(errorMessageOf(null)).toEqual({ key: 'errors.unexpected', params: { requestId: '-' } });
  });

  it('tells an ended session apart', () => {
    expect(isUnauthorized({ code: 'UNAUTHORIZED' })).toBe(true);
    expect(isUnauthorized({ data: { code: 'UNAUTHORIZED' } })).toBe(true);
    expect(isUnauthorized({ code: 'FORBIDDEN' })).toBe(false);
  });
});
