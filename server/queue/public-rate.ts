/** The public routes of the kiosk and booking (config, slots, check-in): one hall's screens stay far below this per address. */
export const PUBLIC_RATE = { max: 120, timeWindow: '1 minute' };
