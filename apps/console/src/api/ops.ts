/** The console's GraphQL operations (all through the gateway). */
export const DEADLINE = 'clock dueAt metAt breachedAt cancelledAt round';

export const SITES = `query Sites { sites { id name timeZone areas { id name areaManagerId } } }`;

export const FIND_CUSTOMERS = `query FindCustomers($phone: String, $unitId: ID) { customers(phone: $phone, unitId: $unitId) { id name phone siteId unitId } }`;
export const UNITS = `query Units($siteId: ID!) { units(siteId: $siteId) { id name areaId } }`;
export const CUSTOMER_COMPLAINTS = `query CustomerComplaints($customerId: ID!) { complaints(customerId: $customerId, first: 10) { id status category receivedAt severity } }`;

export const COMPLAINT_RESULT = `id siteId status valid severity channel category receivedAt replyDueAt departments invalidReason reply attachments
  workOrders { id department status deadlines { ${DEADLINE} } }`;
export const FILE_COMPLAINT = `mutation FileComplaint($input: FileComplaintInput!) { fileComplaint(input: $input) { ${COMPLAINT_RESULT} } }`;
export const COMPLAINT = `query Complaint($id: ID!) { complaint(id: $id) { ${COMPLAINT_RESULT} } }`;
export const RECORD_INVALID_REPLY = `mutation RecordInvalidReply($input: RecordInvalidReplyInput!) { recordInvalidReply(input: $input) { ${COMPLAINT_RESULT} } }`;

const QUEUE_ROW = `id complaintId siteId areaId department status severity keyCustomer round receivedAt closedAt handlerId overdue nextDueAt
  deadlines { ${DEADLINE} } rounds { round endedAt } complaint { id category channel description }`;
export const QUEUE = `query Queue($department: Department, $siteId: ID, $status: WorkOrderStatus, $overdue: Boolean, $first: Int, $after: String) {
  workOrders(department: $department, siteId: $siteId, status: $status, overdue: $overdue, first: $first, after: $after) {
    edges { node { ${QUEUE_ROW} } } pageInfo { hasNextPage endCursor } } }`;

export const WORK_ORDER_FIELDS = `id complaintId siteId areaId department lead status severity round receivedAt createdAt escalationLevel
  plan planWrittenAt planSignedOffBy planSignedOffAt handlerId assignedAt reportedToHeadAt agreedSolution solutionAgreedAt
  resolvedAt resolution cause causeAnalysis preventiveAction correctiveActionReport confirmedAt closedAt overdue
  deadlines { ${DEADLINE} }
  escalations { from to reason clock by at }
  progress { note by at customerInformedAt customerInformedVia attachments }
  extensions { clock previousDueAt newDueAt reason customerToldAt customerToldVia by at }
  rounds { round plan handlerId resolvedAt resolution cause endedBy endedAt }
  complaint { id customerId unitId channel category description receivedAt severity status circumstances attachments
    callbacks { id round status satisfaction completedAt dueAt } }`;
export const WORK_ORDER = `query WorkOrder($id: ID!) {
  workOrder(id: $id) { ${WORK_ORDER_FIELDS} }
  rectificationNotices(workOrderId: $id) { id contractor defect issuedAt rectifyBy arrivedAt completedAt failure }
}`;
export const LETTERS = `query Letters($siteId: ID) { liaisonLetters(siteId: $siteId) { id workOrderId toDepartment body dueAt sentAt answer answeredAt overdueAt } }`;
export const EMERGENCIES = `query Emergencies($siteId: ID) { emergencies(siteId: $siteId) { id workOrderId description occurredAt reportedAt reviewedAt } }`;
export const PENALTIES = `query Penalties($siteId: ID) { contractorPenalties(siteId: $siteId) { id noticeId contractor failure at amountYuan settledAt } }`;
export const STAFF = `query Staff($siteId: ID) { staffUsers(siteId: $siteId) { id name roles department active } }`;

const wo = (name: string, input: string) =>
  `mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { ${WORK_ORDER_FIELDS} } }`;
export const RECORD_PLAN = wo('recordHandlingPlan', 'RecordHandlingPlanInput');
export const SIGN_OFF = `mutation SignOff($workOrderId: ID!) { signOffHandlingPlan(workOrderId: $workOrderId) { ${WORK_ORDER_FIELDS} } }`;
export const ASSIGN = wo('assignHandler', 'AssignHandlerInput');
export const RECORD_PROGRESS = wo('recordProgress', 'RecordProgressInput');
export const RESOLVE = wo('resolveWorkOrder', 'ResolveWorkOrderInput');
export const REPORT_TO_HEAD = wo('reportToHead', 'ReportToHeadInput');
export const AGREE_SOLUTION = wo('recordAgreedSolution', 'AgreeSolutionInput');
export const EXTEND = wo('extendDeadline', 'ExtendDeadlineInput');
export const ESCALATE = wo('escalateWorkOrder', 'EscalateWorkOrderInput');
export const CONFIRM = wo('confirmResolution', 'ConfirmResolutionInput');
export const SEND_LETTER = `mutation SendLetter($input: SendLiaisonLetterInput!) { sendLiaisonLetter(input: $input) { id } }`;

const CALLBACK_ROW = `id kind caseId complaintId siteId areaId round assignee resolvedAt dueAt status attempts nextAttemptAt overdueAt
  escalatedTo completedAt method satisfaction allowedMethods complaint { id category description customerId }`;
export const WORKLIST = `query Worklist($assignee: ID, $areaId: ID, $siteId: ID, $includeDone: Boolean) {
  callbackWorklist(assignee: $assignee, areaId: $areaId, siteId: $siteId, includeDone: $includeDone) { ${CALLBACK_ROW} } }`;
export const RECORD_CALLBACK = `mutation RecordCallback($input: RecordCallbackInput!) { recordCallback(input: $input) { ${CALLBACK_ROW} } }`;
export const RECORD_ATTEMPT = `mutation RecordAttempt($input: RecordCallbackAttemptInput!) { recordCallbackAttempt(input: $input) { ${CALLBACK_ROW} } }`;

export const MAJOR_QUEUE = `query Major($siteId: ID) { workOrders(siteId: $siteId, first: 50) {
  edges { node { ${QUEUE_ROW} severity reportedToHeadAt solutionAgreedAt } } } }`;

const COUNTS = `complaints invalid resolved closed byCategory { key count } byDepartment { key count } byChannel { key count }
  sla { deadlines metOnTime breached attainment byClock { clock deadlines metOnTime metLate breached open attainment } }
  callbacks { resolved completed coverage } satisfactionRate`;
export const REPORT = `query Report($month: String!, $siteId: ID, $areaId: ID) { monthlyReport(month: $month, siteId: $siteId, areaId: $areaId) {
  month ${COUNTS} satisfaction { key count } topCauses { key count }
  bySite { siteId complaints sla { attainment } callbacks { coverage } satisfactionRate }
  byArea { siteId areaId complaints sla { attainment } callbacks { coverage } satisfactionRate } } }`;
export const KPIS = `query Kpis($from: String!, $to: String!, $bucket: KpiBucket!, $siteId: ID) {
  kpis(from: $from, to: $to, bucket: $bucket, siteId: $siteId) { period complaints slaAttainment callbackCoverage satisfactionRate repeatRate } }`;
export const CASES = `query Cases($search: String) { caseLibrary(search: $search, first: 20) { edges { node { id complaintId category severity title summary lessons tags createdAt } } } }`;

// notifications (notify): the caller's own
export const NOTIFICATION_FIELDS = 'id kind title body siteId complaintId createdAt readAt ackRequired ackDueAt acknowledgedAt';
export const UNREAD_COUNT = `query UnreadCount { myUnreadCount }`;
export const MY_NOTIFICATIONS = `query MyNotifications($first: Int, $unreadOnly: Boolean) {
  myNotifications(first: $first, unreadOnly: $unreadOnly) { edges { node { ${NOTIFICATION_FIELDS} } } } }`;
export const ACKNOWLEDGE_NOTIFICATION = `mutation AcknowledgeNotification($id: ID!) { acknowledgeNotification(id: $id) { ${NOTIFICATION_FIELDS} } }`;
export const MARK_READ = `mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

// duty and shift handover (notify)
export const CURRENT_DUTY = `query CurrentDuty($siteId: ID!) { currentDuty(siteId: $siteId) {
  date shift { name startsAt endsAt } staff { id name } director { id name } } }`;
const HANDOVER =
  'id siteId date shift toDate toShift handedOverBy note createdAt acknowledgedBy acknowledgedAt items { kind complaintId workOrderId notificationId text dueAt }';
export const HANDOVERS = `query ShiftHandovers($siteId: ID!, $first: Int) { shiftHandovers(siteId: $siteId, first: $first) { edges { node { ${HANDOVER} } } } }`;
export const HAND_OVER = `mutation HandOverShift($input: HandOverShiftInput!) { handOverShift(input: $input) { ${HANDOVER} } }`;
export const ACKNOWLEDGE_HANDOVER = `mutation AcknowledgeHandover($id: ID!) { acknowledgeHandover(id: $id) { ${HANDOVER} } }`;
export const CASE_NOTIFICATIONS = `query CaseNotifications($id: ID!) { complaint(id: $id) { id
  notifications { recipientId kind channel status createdAt deliveredAt acknowledgedAt } } }`;
export const ATTACHMENT_URL = `query AttachmentUrl($key: String!) { attachmentUrl(key: $key) }`;

// customers (domain.md §7)
export const SEARCH_CUSTOMERS = `query SearchCustomers($search: String) { customers(search: $search) { id name phone kind siteId unitId } }`;
export const CUSTOMER_FILE = `query CustomerFile($id: ID!, $newest: Int) { customerFile(customerId: $id, newest: $newest) {
  customerId customer { id name phone email kind siteId unitId }
  units { id unitId unitName role movedInOn movedOutOn }
  complaints { id siteId status severity category channel description receivedAt keyCustomer workOrders { id department } }
  serviceRequests { id siteId kind department status description receivedAt completedAt chargedYuan }
  claims { id complaintId description amountClaimedYuan decision amountAwardedYuan claimedAt paidAt }
  callbacks { id caseId kind status satisfaction dueAt resolvedAt }
  surveys(newest: $newest) { surveyId kind period at answers { question text satisfaction comment } }
  keyCustomer { reasons tags { reason note taggedBy taggedAt } }
  retention { holdsUnit keptUntil } totals { complaints serviceRequests claims visits } newest } }`;
export const TAG_KEY_CUSTOMER = `mutation TagKeyCustomer($input: TagKeyCustomerInput!) { tagKeyCustomer(input: $input) { reason } }`;

// the relationship (domain.md §7): the owners' committee, visits, plans, notices (intake)
const MEETING = 'id month heldAt attendeeIds staffIds minutes items { kind id description raisedBy answered answeredAt }';
export const COMMITTEE = `query Committee($siteId: ID!, $year: Int!) {
  committeeMembers(siteId: $siteId) { id customerId position since leftOn }
  committeeMeetings(siteId: $siteId, year: $year) { ${MEETING} } }`;
export const VISITS = `query Visits($siteId: ID!, $month: String!) {
  visits(siteId: $siteId, month: $month, first: 100) { edges { node { id customerId kind status visitedAt view } } } }`;
export const PLANS = `query RelationshipPlans($siteId: ID!, $year: Int!) { relationshipPlans(siteId: $siteId, year: $year) { id period goals
  summary { activitiesPlanned activitiesDone budgetYuan activityBudgetYuan spentYuan signedUp attended } } }`;
export const NOTICES = `query Notices($siteId: ID!) {
  notices(siteId: $siteId, first: 30) { edges { node { id kind title body startsAt endsAt channels sentTo units publishedAt } } } }`;
export const RECORD_MEETING = `mutation RecordCommitteeMeeting($input: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $input) { ${MEETING} } }`;
export const RECORD_VISIT = `mutation RecordVisit($input: RecordVisitInput!) { recordVisit(input: $input) { id status } }`;
export const PLAN_VISITS = `mutation PlanVisits($input: PlanVisitsInput!) { planVisits(input: $input) { id } }`;
export const PUBLISH_NOTICE = `mutation PublishNotice($input: PublishNoticeInput!) { publishNotice(input: $input) { id sentTo } }`;

// survey campaigns (issue 31): questionnaires, campaigns and their samples (callback), results (analytics)
const SURVEY = `id siteId kind period status groupId questionnaireId sampleSize responses responseRate closesAt createdAt
  items { text kind options category } results { question verySatisfied satisfied basicallySatisfied dissatisfied }`;
export const SURVEYS = `query Surveys($siteId: ID, $year: Int) { surveys(siteId: $siteId, year: $year, first: 24) { ${SURVEY} }
  questionnaires(first: 30) { id name version questions { text kind options category } } }`;
export const SAVE_QUESTIONNAIRE = `mutation SaveQuestionnaire($input: SaveQuestionnaireInput!) { saveQuestionnaire(input: $input) { id name version } }`;
export const LAUNCH_SURVEY = `mutation LaunchSurveyCampaign($input: LaunchSurveyInput!) { launchSurveyCampaign(input: $input) { ${SURVEY} } }`;
export const CLOSE_SURVEY = `mutation CloseSurvey($id: ID!) { closeSurvey(id: $id) { id status } }`;
export const SURVEY_SAMPLE = `query SurveySample($surveyId: ID!) { surveySample(surveyId: $surveyId, unanswered: true) { customerId areaId kind } }`;
export const RECORD_SURVEY_RESPONSE = `mutation RecordSurveyResponse($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id responses responseRate } }`;
export const SURVEY_RESULTS = `query SurveyResults($surveyId: ID!) { surveyResults(surveyId: $surveyId) {
  surveyId period sampleSize responses responseRate index { answers share score }
  previous { period index { share score } shareChange scoreChange }
  questions { question text kind category verySatisfied satisfied basicallySatisfied dissatisfied index { share score } choices { option count } }
  areas { areaId responses index { share score } } texts { category count answers }
  dissatisfied { responseId question customerId followUp { id plan ownerId dueAt doneAt overdueAt } }
  group { groupId responses responseRate index { share score } } } }`;
