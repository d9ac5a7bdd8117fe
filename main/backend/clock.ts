// Deadlines in shared/ need the desk's local day too (an hours term): one implementation for both.
export { localDay } from '../../shared/local-day';
