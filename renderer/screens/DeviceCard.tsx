import { memo, useMemo } from 'react';
import type { PlannedCheck } from '../../app/contract/check';
import { StatusMark } from '../components/StatusMark';
import { deviceHeadline, seenDevices, TRUST_TEXT, trustAdvice, USBMUX_CHECK_ID, type SeenDevice } from '../model/devices';
import { useAppStore } from '../store/context';
import { LocalRow } from './LocalRow';
import { useCheckProgress } from './use-check-progress';

function DeviceList({ devices }: { devices: readonly SeenDevice[] }) {
  if (devices.length === 0) return null;
  return (
    <ul className="device-list" aria-label="Devices seen">
      {devices.map((device, index) => (
        <li key={index} className={`device device-${device.trust.replace(' ', '-')}`}>
          <span className="device-name">{device.name}</span>
          <span className="device-meta">
            {device.connection === 'Network' ? 'Over the network' : device.connection}
            {device.serialTail ? ` · serial ending ${device.serialTail}` : ''}
          </span>
          <span className="device-trust">{TRUST_TEXT[device.trust]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The device service's row: the headline, the devices it sees, and what to do when something is wrong. */
const ServiceRow = memo(function ServiceRow({ planned }: { planned: PlannedCheck }) {
  const { result, mark, detail } = useCheckProgress(planned.id);
  const running = useAppStore((s) => s.run.inFlight[planned.id] === true);
  const devices = seenDevices(result);
  // With devices listed, the list says what the detail would; what is left to say is what to do.
  const advice = devices.length > 0 ? trustAdvice(devices) : result && result.status !== 'ok' ? detail : undefined;
  return (
    <div className={`device-service row-${mark}`}>
      <StatusMark mark={mark} showLabel />
      <div className="device-service-main">
        <span className="device-headline">{deviceHeadline(result, running)}</span>
        <DeviceList devices={devices} />
        {advice ? <p className="device-detail">{advice}</p> : null}
      </div>
    </div>
  );
});

/**
 * "Is the device seen?": the device checks of the run as one card, live as results arrive.
 * Shown only when the run has them, unless `always` (then it says they have not run).
 */
export function DeviceCard({ always = false }: { always?: boolean }) {
  const planned = useAppStore((s) => s.run.planned);
  const rows = useMemo(() => planned.filter((p) => p.kind === 'device'), [planned]);
  const service = rows.find((p) => p.id === USBMUX_CHECK_ID);
  const usb = rows.filter((p) => p.id !== USBMUX_CHECK_ID);
  if (!service && !always) return null;
  return (
    <section className="device-card" aria-labelledby="device-card-title">
      <h2 id="device-card-title">iPhone, iPad or iPod</h2>
      {service ? (
        <div className="device-panel">
          <ServiceRow planned={service} />
          {usb.length > 0 ? (
            <ul className="local-list device-usb">
              {/* The USB side (Windows drivers, or the USB bus), a line under the service's answer. */}
              {usb.map((p) => (
                <LocalRow key={p.id} planned={p} />
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="notice notice-neutral" role="note">
          The device check has not run yet: run a check to see whether this computer sees a connected iPhone, iPad or iPod.
        </p>
      )}
    </section>
  );
}
