export { Directory, type DirectoryUnit, type TaxonomyLimit, type ThresholdDefaults } from './directory';
export { DirectoryFeedHandler } from './directory-feed.handler';
export { DirectoryCopy1764200000000, DirectoryMigrations } from './directory.migration';
export { DirectoryModule } from './directory.module';
