export const findingStreamId = (findingId: string) => `finding-${findingId}`;
