export const SYSTEM_ACTOR = { id: 'system:rectification', role: 'system', unitId: null };
