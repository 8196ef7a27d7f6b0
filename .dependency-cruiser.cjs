/**
 * The dependency picture every service keeps (`npm run deps:check`, part of `npm test`): no circles,
 * and dispatch in layers — `sla/` at the bottom knows no feature; features register their timers and
 * breach handlers with it.
 */
const DISPATCH = '^apps/dispatch/src/';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports: split the file or turn one arrow around (a registry, an event).',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'dispatch-sla-knows-no-feature',
      severity: 'error',
      comment: 'sla/ is the bottom layer of dispatch: features register timer sources and breach handlers with it.',
      from: { path: `${DISPATCH}sla/` },
      to: { path: `${DISPATCH}(work-order|liaison|contractor|emergency|rework)/` },
    },
    {
      name: 'dispatch-work-order-below-features',
      severity: 'error',
      comment: 'work-order/ sits below liaison, contractor, emergency and rework: it asks them nothing.',
      from: { path: `${DISPATCH}work-order/` },
      to: { path: `${DISPATCH}(liaison|contractor|emergency|rework)/` },
    },
    {
      name: 'dispatch-features-apart',
      severity: 'error',
      comment: 'liaison, contractor and emergency do not know each other; rework (the top) may use liaison.',
      from: { path: `${DISPATCH}(liaison|contractor|emergency)/` },
      to: { path: `${DISPATCH}(liaison|contractor|emergency|rework)/`, pathNot: `${DISPATCH}$1/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|migrations)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
