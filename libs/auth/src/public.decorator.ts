import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'rectify:auth:public';

/** The route (or every route of the controller) needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
