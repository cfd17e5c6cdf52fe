export { useStreamRecord, type RecordState } from './event-log';
export { byteLength, contentChars, cumulativeOutput, deltaArrivals, stalls, type SeriesPoint, type Stall } from './analyze';
export { InspectButton } from './inspect-button';
