import type { FixDefinition } from './definition';
import { blockedFix } from './steps';
import { planWindowsService } from './windows-service';

export const startBonjour: FixDefinition = {
  id: 'start-bonjour',
  answers: ['bonjour-not-running'],
  title: 'Start the Bonjour service',
  changes:
    'Starts the "Bonjour Service" (and sets it to start automatically if it was disabled). Wi-Fi sync and finding devices on the network need it.',
  platforms: ['windows'],
  undoable: false,
  guidance: false,
  needsAdmin: () => true,
  recheck: ['service:bonjour', 'listener:udp:5353'],
  prepare: async (env) => {
    if (env.os !== 'windows') return blockedFix('Bonjour is part of the system on this operating system; there is no service to start.');
    const plan = await planWindowsService(['Bonjour Service'], { restart: false, displayName: 'Bonjour Service' }, env);
    if (plan.kind !== 'missing') return plan.fix;
    return blockedFix(
      'The Bonjour Service is not installed. It comes with iTunes; repair or reinstall iTunes to get it back.',
      [],
      'failed',
    );
  },
};
