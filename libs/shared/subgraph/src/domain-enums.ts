import { registerEnumType } from '@nestjs/graphql';
import {
  CallbackKind,
  Category,
  CauseCategory,
  Channel,
  Circumstance,
  ComplaintStatus,
  ContactMethod,
  ContractorFailure,
  Department,
  DeliveryChannel,
  DeliveryStatus,
  EscalationLevel,
  NotificationKind,
  Role,
  Satisfaction,
  Severity,
  SlaClock,
  ContactSource,
  VerificationResult,
  WorkOrderStatus,
} from '@pc/contracts';

let registered = false;

/**
 * Registers the api.md enums with GraphQL once per process; every subgraph calls it so that the
 * composed supergraph sees identical definitions.
 */
export function registerDomainEnums(): void {
  if (registered) return;
  registered = true;
  registerEnumType(Channel, { name: 'Channel', description: 'How the complaint reached us.' });
  registerEnumType(Category, { name: 'Category', description: 'What the complaint is about; decides routing.' });
  registerEnumType(Department, { name: 'Department', description: 'A department that receives work.' });
  registerEnumType(Severity, { name: 'Severity' });
  registerEnumType(Circumstance, { name: 'Circumstance', description: 'Rules A–C that make a complaint major.' });
  registerEnumType(Satisfaction, { name: 'Satisfaction' });
  registerEnumType(SlaClock, { name: 'SlaClock', description: 'The deadlines of domain.md.' });
  registerEnumType(ComplaintStatus, { name: 'ComplaintStatus' });
  registerEnumType(WorkOrderStatus, { name: 'WorkOrderStatus' });
  registerEnumType(EscalationLevel, {
    name: 'EscalationLevel',
    description: 'Who holds an escalated case: handler → department head → site head → leadership.',
  });
  registerEnumType(ContactMethod, { name: 'ContactMethod', description: 'How staff reached the customer.' });
  registerEnumType(ContractorFailure, { name: 'ContractorFailure', description: 'Why a contractor is fined.' });
  registerEnumType(CallbackKind, { name: 'CallbackKind', description: 'Complaint, repair or paid-service callback.' });
  registerEnumType(CauseCategory, {
    name: 'CauseCategory',
    description: 'The countable cause of a complaint (top causes of the monthly analysis).',
  });
  registerEnumType(Role, { name: 'Role', description: 'The roles of api.md, as carried in the token.' });
  registerEnumType(ContactSource, { name: 'ContactSource', description: 'The flow that recorded a contact with a customer.' });
  registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about (domain.md §6).' });
  registerEnumType(DeliveryChannel, { name: 'DeliveryChannel', description: 'How a notification reaches its recipient.' });
  registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
  registerEnumType(VerificationResult, {
    name: 'VerificationResult',
    description: "The quality department's verification of a closed complaint's handling.",
  });
}
