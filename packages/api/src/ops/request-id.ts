// The request id is made once, at the edge (each app's proxy), passed on in the `x-request-id` header and
// carried by the tRPC context into every log line and every "unexpected error" message a person sees.
// An id sent by a load balancer in front is kept when it looks like one; anything else is replaced, so a
// client cannot write arbitrary text into the logs.
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._-]{6,64}$/;

export function newRequestId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

export function requestIdFrom(headers: Pick<Headers, 'get'>): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && SAFE_ID.test(given) ? given : newRequestId();
}
