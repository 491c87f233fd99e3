// The two names the in-test IPC uses on the page's window: the preload's invokes go out through
// the first (a Playwright binding), and main's events come in through the second.
export const INVOKE_BINDING = '__syncDoctorIpcInvoke';
export const DELIVER_FUNCTION = '__syncDoctorIpcDeliver';
