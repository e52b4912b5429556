/** POST /api/cases/:id/acknowledge (DESIGN §6): no fields; anything sent is refused by the whitelist. */
export class AcknowledgeCaseDto {}
