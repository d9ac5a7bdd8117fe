/** The window's localStorage, or undefined where merely touching it throws (a sandboxed origin, storage disabled). */
export function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
