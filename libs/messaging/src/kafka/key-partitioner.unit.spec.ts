import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key-partitioner';

// kafkajs' own murmur2 (64-bit long arithmetic), the reference this one must match bit for bit.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

describe('murmur2', () => {
  it('hashes exactly as kafkajs does, for keys of every length modulo 4 and every byte value', () => {
    const keys: Array<Buffer | string> = ['', 'a', 'ab', 'abc', 'abcd', 'case-42', '案件-整改', randomUUID(), `case-${randomUUID()}`];
    for (let length = 0; length < 64; length++) keys.push(randomBytes(length));
    keys.push(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x80]), Buffer.from([0x00, 0x80, 0x7f, 0xff]));
    for (const key of keys) expect(murmur2(key)).toBe(kafkajsMurmur2(key));
  });

  it('matches the Java client on its published test vectors', () => {
    // From Kafka's UtilsTest.testMurmur2.
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from([97, 98, 99]))).toBe(479470107);
  });
});

describe('KeyPartitioner', () => {
  const partitionMetadata = [0, 1, 2, 3, 4].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));
  const ours = KeyPartitioner();
  const theirs = Partitioners.DefaultPartitioner();

  it('puts every keyed message on the partition kafkajs’ default partitioner would', () => {
    for (let i = 0; i < 500; i++) {
      const message = { key: `case-${randomUUID()}`, value: 'v' };
      expect(ours({ topic: 't', partitionMetadata, message })).toBe(theirs({ topic: 't', partitionMetadata, message }));
    }
  });

  it('keeps a partition the message names', () => {
    expect(ours({ topic: 't', partitionMetadata, message: { key: 'k', value: 'v', partition: 3 } })).toBe(3);
  });

  it('spreads keyless messages over the partitions', () => {
    const chosen = new Set(Array.from({ length: 20 }, () => ours({ topic: 't', partitionMetadata, message: { value: 'v' } })));
    expect(chosen.size).toBeGreaterThan(1);
  });
});
