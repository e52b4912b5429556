import { EventHandlerRegistry } from './handler-registry';

describe('EventHandlerRegistry', () => {
  const handle = async () => undefined;

  it('finds the handler registered for a topic and type', () => {
    const registry = new EventHandlerRegistry().register({ topic: 'inspections.events', type: 'FindingRecorded', handle });
    expect(registry.find('inspections.events', 'FindingRecorded')?.handle).toBe(handle);
    expect(registry.find('inspections.events', 'VisitRecorded')).toBeUndefined();
  });

  it('refuses a second handler for the same topic and type (one effect per event)', () => {
    const registry = new EventHandlerRegistry().register({ topic: 't', type: 'A', handle });
    expect(() => registry.register({ topic: 't', type: 'A', handle })).toThrow(/already registered/);
  });
});
