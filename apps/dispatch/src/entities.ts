import { directoryEntities } from '@pc/subgraph';
import { CallbackResult, ComplaintClosure } from './closing/closing.entity';
import { ContractorPenalty, RectificationNotice } from './contractor/rectification.entity';
import { EmergencyEvent } from './emergency/emergency.entity';
import { LiaisonLetter } from './liaison/liaison-letter.entity';
import { KnownAttachment } from './photo/known-attachment.entity';
import { ServiceNote, ServiceOrder } from './service/service-order.entity';
import { Deadline, Escalation, Extension } from './sla/deadline.entity';
import { ProgressNote, WorkOrder, WorkOrderRound } from './work-order/work-order.entity';

export const DISPATCH_ENTITIES = [
  WorkOrder,
  ProgressNote,
  WorkOrderRound,
  Deadline,
  Escalation,
  Extension,
  LiaisonLetter,
  RectificationNotice,
  ContractorPenalty,
  EmergencyEvent,
  CallbackResult,
  ComplaintClosure,
  ServiceOrder,
  ServiceNote,
  KnownAttachment,
  ...directoryEntities(),
];
