// States for the CronJob controller's watch and reconcile tests, folded through the real reducers
// so lookups and indexes work as in a run.


export { stateWith } from '../../support/reduce-events.ts';
