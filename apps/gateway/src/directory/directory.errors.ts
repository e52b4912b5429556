import { InvalidRequestException } from '@rectify/http';

export class UnitNotFoundError extends Error {
  readonly code = 'DIRECTORY.UNIT_NOT_FOUND';
  readonly httpStatus = 404;
  constructor(readonly unitId: string) {
    super(`no unit "${unitId}"`);
  }
}

export class UnitExistsError extends Error {
  readonly code = 'DIRECTORY.UNIT_EXISTS';
  readonly httpStatus = 409;
  constructor(readonly unitId: string) {
    super(`unit "${unitId}" already exists`);
  }
}

export class UserNotFoundError extends Error {
  readonly code = 'DIRECTORY.USER_NOT_FOUND';
  readonly httpStatus = 404;
  constructor(readonly userId: string) {
    super(`no user "${userId}"`);
  }
}

export class UsernameTakenError extends Error {
  readonly code = 'DIRECTORY.USERNAME_TAKEN';
  readonly httpStatus = 409;
  constructor(readonly username: string) {
    super(`username "${username}" is taken`);
  }
}

/** A 400 naming the field, for references the DTO cannot check by itself (unknown unit, cycles). */
export function invalidField(field: string, message: string): InvalidRequestException {
  return new InvalidRequestException([{ field, message }]);
}
