export { UsagePanel } from './usage-panel';
export { usageFigures, formatCount, formatDuration, formatRate, type UsageFigures } from './format';
