/**
 * The public vocabulary of api.md. Values are fixed: consoles, BI tools and acceptance checks
 * rely on them. Plain data: every subgraph registers them with GraphQL (`registerDomainEnums()` of
 * `@pc/subgraph`) so that the composed supergraph sees one identical definition of each.
 */
export enum Channel {
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  WECHAT = 'WECHAT',
  APP = 'APP',
  LETTER = 'LETTER',
  EMAIL = 'EMAIL',
  SUGGESTION_BOX = 'SUGGESTION_BOX',
  PATROL = 'PATROL',
  OWNERS_COMMITTEE = 'OWNERS_COMMITTEE',
}

export enum Category {
  SERVICE_ATTITUDE = 'SERVICE_ATTITUDE',
  SERVICE_QUALITY = 'SERVICE_QUALITY',
  BUILDING = 'BUILDING',
  FIT_OUT = 'FIT_OUT',
  EQUIPMENT = 'EQUIPMENT',
  FEES = 'FEES',
  SAFETY = 'SAFETY',
  ACCESS = 'ACCESS',
  PARKING = 'PARKING',
  NOISE = 'NOISE',
  HYGIENE = 'HYGIENE',
  WASTE = 'WASTE',
  GREENERY = 'GREENERY',
  COMPENSATION = 'COMPENSATION',
  MANAGER_CONDUCT = 'MANAGER_CONDUCT',
  OTHER = 'OTHER',
}

export enum Department {
  ENGINEERING = 'ENGINEERING',
  SECURITY = 'SECURITY',
  CLEANING = 'CLEANING',
  FINANCE = 'FINANCE',
  QUALITY = 'QUALITY',
  LEADERSHIP = 'LEADERSHIP',
}

export enum Severity {
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
}

/** Rules A–C of domain.md §2 that make a complaint major. */
export enum Circumstance {
  PROMISED_SERVICE_FAILED = 'PROMISED_SERVICE_FAILED',
  NEIGHBOUR_OR_EXTERNAL_CAUSE = 'NEIGHBOUR_OR_EXTERNAL_CAUSE',
  SERIOUS_LOSS_OR_INJURY = 'SERIOUS_LOSS_OR_INJURY',
}

export enum Satisfaction {
  VERY_SATISFIED = 'VERY_SATISFIED',
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}

/** The deadlines of domain.md; see `SLA_DURATIONS` for their lengths. */
export enum SlaClock {
  INVALID_REPLY = 'INVALID_REPLY',
  PLAN = 'PLAN',
  FEEDBACK = 'FEEDBACK',
  REPORT_TO_HEAD = 'REPORT_TO_HEAD',
  SOLUTION_AGREED = 'SOLUTION_AGREED',
  REPLY = 'REPLY',
  MAJOR_UPGRADE = 'MAJOR_UPGRADE',
  CALLBACK = 'CALLBACK',
  CONTRACTOR_ARRIVAL = 'CONTRACTOR_ARRIVAL',
  /** A closed complaint's records reach the quality department within 3 days (seeds/004). */
  QUALITY_HANDOVER = 'QUALITY_HANDOVER',
}

export enum Role {
  FRONT_DESK = 'FRONT_DESK',
  COMPLAINT_REP = 'COMPLAINT_REP',
  AREA_MANAGER = 'AREA_MANAGER',
  DEPARTMENT_STAFF = 'DEPARTMENT_STAFF',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  SITE_HEAD = 'SITE_HEAD',
  QUALITY = 'QUALITY',
  LEADERSHIP = 'LEADERSHIP',
  ANALYST = 'ANALYST',
  ADMIN = 'ADMIN',
}

export enum ComplaintStatus {
  /** Valid, dispatched to departments, not yet resolved. */
  OPEN = 'OPEN',
  /** Answered on the spot at intake. */
  RESOLVED_AT_INTAKE = 'RESOLVED_AT_INTAKE',
  /** Invalid: waiting for the reasoned reply (1 working day). */
  REJECTED = 'REJECTED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum WorkOrderStatus {
  RECEIVED = 'RECEIVED',
  PLANNED = 'PLANNED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CONFIRMED = 'CONFIRMED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

/** What a callback follows up (domain.md §4): every one of these must be called back. */
export enum CallbackKind {
  COMPLAINT = 'COMPLAINT',
  REPAIR = 'REPAIR',
  PAID_SERVICE = 'PAID_SERVICE',
}

/** Who holds an escalated case (domain.md §3 升级投诉): each breach passes it one level up. */
export enum EscalationLevel {
  HANDLER = 'HANDLER',
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  SITE_HEAD = 'SITE_HEAD',
  LEADERSHIP = 'LEADERSHIP',
}

/** How staff reached the customer (informing, extensions, callbacks). */
export enum ContactMethod {
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
  VISIT = 'VISIT',
  LETTER = 'LETTER',
  EMAIL = 'EMAIL',
}

/** The channel of a contact made by `method` (every contact method, and callback method, is a channel too). */
export const channelOf = (method: string): Channel => Channel[method as keyof typeof Channel];

/** Why a contractor is fined (domain.md §3 工程整改通知单). */
export enum ContractorFailure {
  REFUSED = 'REFUSED',
  NO_SHOW = 'NO_SHOW',
  MISSED_DEADLINE = 'MISSED_DEADLINE',
  SUBSTANDARD = 'SUBSTANDARD',
  NOT_RETURNED = 'NOT_RETURNED',
}

/**
 * The countable cause of a complaint, recorded with the resolution next to the free-text cause
 * analysis (domain.md §3, §5 "top causes").
 */
export enum CauseCategory {
  DESIGN_DEFECT = 'DESIGN_DEFECT',
  CONSTRUCTION_QUALITY = 'CONSTRUCTION_QUALITY',
  EQUIPMENT_FAILURE = 'EQUIPMENT_FAILURE',
  STAFF_CONDUCT = 'STAFF_CONDUCT',
  PROCESS_GAP = 'PROCESS_GAP',
  THIRD_PARTY = 'THIRD_PARTY',
  CUSTOMER_MISUNDERSTANDING = 'CUSTOMER_MISUNDERSTANDING',
  OTHER = 'OTHER',
}

/** The step of a work order that a `workorder.recorded` snapshot follows (the audit trail's action). */
export enum WorkOrderStep {
  PLAN_WRITTEN = 'PLAN_WRITTEN',
  PLAN_SIGNED_OFF = 'PLAN_SIGNED_OFF',
  HANDLER_ASSIGNED = 'HANDLER_ASSIGNED',
  PROGRESS_RECORDED = 'PROGRESS_RECORDED',
  REPORTED_TO_HEAD = 'REPORTED_TO_HEAD',
  SOLUTION_AGREED = 'SOLUTION_AGREED',
  RESOLVED = 'RESOLVED',
  CONFIRMED = 'CONFIRMED',
  CLOSED = 'CLOSED',
  ESCALATED = 'ESCALATED',
  DEADLINE_EXTENDED = 'DEADLINE_EXTENDED',
  LETTER_REPLY_APPROVED = 'LETTER_REPLY_APPROVED',
  HANDED_TO_QUALITY = 'HANDED_TO_QUALITY',
  VERIFIED = 'VERIFIED',
}

/** The quality department's verification of a closed complaint's handling (seeds/004: 质管部…验证). */
export enum VerificationResult {
  VERIFIED = 'VERIFIED',
  /** The handling falls short: the case goes back for rework. */
  FALLS_SHORT = 'FALLS_SHORT',
}

/** What a notification is about (api.md, third round; domain.md §6). */
export enum NotificationKind {
  MAJOR_COMPLAINT = 'MAJOR_COMPLAINT',
  DEADLINE_WARNING = 'DEADLINE_WARNING',
  DEADLINE_BREACHED = 'DEADLINE_BREACHED',
  ESCALATED = 'ESCALATED',
  EMERGENCY = 'EMERGENCY',
  CONTRACTOR_NO_SHOW = 'CONTRACTOR_NO_SHOW',
  CALLBACK_DUE = 'CALLBACK_DUE',
  DISSATISFIED = 'DISSATISFIED',
  LIAISON_LETTER = 'LIAISON_LETTER',
  UNACKNOWLEDGED = 'UNACKNOWLEDGED',
  SHIFT_HANDOVER = 'SHIFT_HANDOVER',
  NOTICE = 'NOTICE',
  /** A message to residents (a notice to a site, area, building or units; a case's resident link): never to staff. */
  RESIDENT_MESSAGE = 'RESIDENT_MESSAGE',
}

/** How a notification reaches its recipient. */
export enum DeliveryChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
  FEISHU = 'FEISHU',
  WEBHOOK = 'WEBHOOK',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  PARKED = 'PARKED',
}
