// class-transformer ships `cjs/storage.js` without types beside it; its declaration lives under
// `types/`. valid-without-errors.unit.spec.ts reads the @Type metadata from that storage.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
