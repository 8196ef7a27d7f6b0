import { directoryEntities } from '@pc/subgraph';
import { ContractorPenalty, RectificationNotice } from './contractor/rectification.entity';
import { EmergencyEvent } from './emergency/emergency.entity';
import { LiaisonLetter } from './liaison/liaison-letter.entity';
import { Deadline, Escalation, Extension } from './sla/deadline.entity';
import { ProgressNote, WorkOrder } from './work-order/work-order.entity';

export const DISPATCH_ENTITIES = [
  WorkOrder,
  ProgressNote,
  Deadline,
  Escalation,
  Extension,
  LiaisonLetter,
  RectificationNotice,
  ContractorPenalty,
  EmergencyEvent,
  ...directoryEntities(),
];
