import iconUrl from '../../assets/icon.svg';
import { assertNever } from '../../app/contract/check';
import { useAppStore } from '../store/context';
import type { Screen } from '../store/ui-slice';
import { Overview } from '../screens/Overview';
import { Ports } from '../screens/Ports';
import { Processes } from '../screens/Processes';
import { Servers } from '../screens/Servers';
import { ReportScreen } from '../report/ReportScreen';
import { Wizard } from '../wizard/Wizard';
import { CatalogNotice } from './CatalogNotice';
import { Nav } from './Nav';
import { RunControls } from './RunControls';

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'wizard':
      return <Wizard />;
    case 'overview':
      return <Overview />;
    case 'servers':
      return <Servers />;
    case 'ports':
      return <Ports />;
    case 'processes':
      return <Processes />;
    case 'report':
      return <ReportScreen />;
    default:
      return assertNever(screen, 'screen');
  }
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src={iconUrl} alt="" width="28" height="28" />
          <span>Sync Doctor</span>
        </div>
        <RunControls />
      </header>
      <Nav />
      <main className="content">
        <CatalogNotice />
        <ScreenView screen={screen} />
      </main>
    </div>
  );
}
