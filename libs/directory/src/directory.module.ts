import { Global, Module } from '@nestjs/common';
import { Directory } from './directory';
import { DirectoryFeedHandler } from './directory-feed.handler';

/** The directory copy and the consumer that keeps it; every event-sourced service imports it. */
@Global()
@Module({ providers: [Directory, DirectoryFeedHandler], exports: [Directory] })
export class DirectoryModule {}
