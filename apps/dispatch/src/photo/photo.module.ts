import { Module } from '@nestjs/common';
import { ProgressPhotos } from './progress-photos';

/** Photos on work orders (issue 29): the keys intake's store issued, taken by progress notes. */
@Module({ providers: [ProgressPhotos], exports: [ProgressPhotos] })
export class PhotoModule {}
