import { useAppStore } from '../store/context';

/** Says when the user's catalog.json could not be used, or the app's details did not load. */
export function CatalogNotice() {
  const app = useAppStore((s) => s.app);
  if (app.status === 'failed') {
    return (
      <p className="notice notice-fail" role="alert">
        {app.message}
      </p>
    );
  }
  if (app.status === 'ready' && app.info.catalog.problem) {
    return (
      <p className="notice notice-warn" role="alert">
        {app.info.catalog.problem}
      </p>
    );
  }
  return null;
}
