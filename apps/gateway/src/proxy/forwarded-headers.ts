import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1: these describe one connection and must not be forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.includes(name)) result[name] = value;
  }
  return result;
}

/** The client's headers (Authorization included) plus the usual X-Forwarded-* set. */
export function requestHeadersFor(request: IncomingMessage, target: URL): OutgoingHttpHeaders {
  const headers = withoutHopByHop(request.headers);
  const clientAddress = request.socket.remoteAddress ?? '';
  const priorFor = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = priorFor ? `${priorFor}, ${clientAddress}` : clientAddress;
  headers['x-forwarded-host'] = request.headers['x-forwarded-host'] ?? request.headers.host ?? '';
  headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';
  headers.host = target.host;
  return headers;
}
