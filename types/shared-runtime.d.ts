// shared/ runs in the browser, the preload and Node alike, so it sees neither DOM nor Node
// types. These two timers exist in all three; nothing else is assumed.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
