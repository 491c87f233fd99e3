// The wizard's fixed words, in one place.
import type { WizardSymptom } from './state';

export const SYMPTOM_CHOICES: { symptom: WizardSymptom; label: string; hint: string }[] = [
  {
    symptom: 'device-not-recognized',
    label: 'Device not recognized',
    hint: 'iTunes or the Apple Devices app does not see the iPhone, iPad or iPod',
  },
  { symptom: 'sync-fails', label: 'Sync fails', hint: 'The device is seen, but syncing stops or never starts' },
  { symptom: 'update-error', label: 'Update or restore shows an error', hint: 'A message with a number, such as 3194 or 4013' },
  {
    symptom: 'store-wont-connect',
    label: "iTunes Store / Apple Music won't connect",
    hint: 'The store, music or sign-in cannot reach Apple',
  },
  { symptom: 'not-sure', label: 'Not sure', hint: 'Check everything and show the most likely cause first' },
];

/** What else stops a sync when the network and this computer are fine. */
export const ELSEWHERE: { title: string; text: string }[] = [
  {
    title: 'The cable or port',
    text: 'Use an Apple cable (or one certified for it) straight into the computer, not through a hub or keyboard, and try another USB port.',
  },
  {
    title: 'The Trust prompt',
    text: 'Unlock the device and keep it on its Home Screen while you connect it; when it asks "Trust This Computer?", tap Trust and enter the passcode.',
  },
  {
    title: 'Storage on the device',
    text: 'An update needs free space on the device: see Settings > General > iPhone Storage (or iPad Storage) and free a few gigabytes.',
  },
];
