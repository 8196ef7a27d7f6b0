export * from './app.module';
export { NotifyScheduler } from './notification/notify-scheduler';
export { DeliveryWorker } from './delivery/delivery.worker';
export { dingTalkSign, feishuSign, webhookSign } from './delivery/robot.adapters';
export { demoRoster, type DemoRosterEntry } from './duty/demo-roster';
