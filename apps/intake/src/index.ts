export * from './app.module';
export * from './seed/demo-data';
export { Customer, CustomerKind, Site, StaffUser } from './registry/registry.entities';
export { FileComplaintInput } from './complaint/dto/file-complaint.input';
export { RelationshipScheduler } from './relationship/relationship.module';
