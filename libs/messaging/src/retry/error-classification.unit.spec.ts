import { classifyError, TransientError } from './error-classification';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a PostgreSQL serialization failure', withCode('40001')],
    ['a PostgreSQL deadlock', withCode('40P01')],
    ['a PostgreSQL admin shutdown', withCode('57P01')],
    ['a PostgreSQL connection exception (class 08)', withCode('08006')],
    ['node-postgres losing its connection', new Error('Connection terminated unexpectedly')],
    ['a retriable kafkajs error', Object.assign(new Error('leader not available'), { name: 'KafkaJSProtocolError', retriable: true })],
    [
      'kafkajs giving up on a retriable cause',
      Object.assign(new Error('retries exceeded'), {
        name: 'KafkaJSNumberOfRetriesExceeded',
        retriable: false,
        cause: Object.assign(new Error('refused'), { name: 'KafkaJSConnectionError', retriable: true }),
      }),
    ],
    ['an explicit TransientError', new TransientError('downstream answered 503')],
    ['an error caused by a refused connection', new Error('could not save', { cause: withCode('ECONNREFUSED') })],
    ['an AggregateError of refused connections', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
  ])('treats %s as transient', (_name, error) => {
    expect(classifyError(error)).toBe('transient');
  });

  it.each([
    ['a TypeError from a handler bug', new TypeError('cannot read properties of undefined')],
    ['a unique violation', withCode('23505')],
    ['a check violation', withCode('23514')],
    ['a non-retriable kafkajs error', Object.assign(new Error('bad'), { name: 'KafkaJSNonRetriableError', retriable: false })],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('treats %s as permanent', (_name, error) => {
    expect(classifyError(error)).toBe('permanent');
  });
});
