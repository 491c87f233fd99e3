import { startStandInUsbmuxd, type StandInUsbmuxd } from '../../main/system/device/stand-in-usbmuxd';
import { expect, requireNamespace, runToEnd, snap, test, useWorld } from './fixtures';

requireNamespace();

const VARIABLE = 'USBMUXD_SOCKET_ADDRESS';

test.describe('the device card', () => {
  useWorld({ dns: 'normal' });
  // The engine runs in this process (the emulated preload): point it at a stand-in usbmuxd.
  let standIn: StandInUsbmuxd | undefined;
  const before = process.env[VARIABLE];
  test.beforeAll(async () => {
    standIn = await startStandInUsbmuxd({
      transport: 'unix',
      devices: [
        { udid: '00008030-001A2D2E3E88802E', connection: 'USB', productId: 0x12a8, paired: true },
        { udid: '00008101-000A1B2C3D4E5F60', connection: 'Network', productId: 0x12ab, paired: false },
      ],
    });
    process.env[VARIABLE] = standIn.address;
  });
  test.afterAll(async () => {
    if (before === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = before;
    await standIn?.close();
  });

  test('lists the devices the device service sees, with their trust (light and dark)', async ({ appPage: page }) => {
    await runToEnd(page);
    const card = page.getByRole('region', { name: 'iPhone, iPad or iPod' });
    await expect(card.getByRole('list', { name: 'Devices seen' }).getByRole('listitem')).toHaveText([
      /^iPhoneUSB · serial ending 802ETrusts this computer$/,
      /^iPadOver the network · serial ending 5F60Does not trust this computer yet$/,
    ]);
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'device-card-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await snap(page, 'device-card-dark');
  });
});
