import { InspectionsReadModels1764000000000 } from './1764000000000-inspections-read-models';
import { DirectoryReplacesKnownUnits1764200000000 } from './1764200000000-directory-replaces-known-units';
import { VisitLog1764400000000 } from './1764400000000-visit-log';

export const INSPECTIONS_MIGRATIONS = [InspectionsReadModels1764000000000, DirectoryReplacesKnownUnits1764200000000, VisitLog1764400000000];
