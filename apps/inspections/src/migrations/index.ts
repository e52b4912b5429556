import { InspectionsReadModels1764000000000 } from './1764000000000-inspections-read-models';

export const INSPECTIONS_MIGRATIONS = [InspectionsReadModels1764000000000];
