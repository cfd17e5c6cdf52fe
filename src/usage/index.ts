export { UsagePanel } from './usage-panel';
export { usageFigures, formatCount, formatDuration, formatRate, type UsageFigures } from './format';
export { costOf, findPrice, formatUsd, sumCosts, type Cost, type CostBreakdown } from './cost';
export { PRICE_TABLE, PRICES_CHECKED_ON, SERVER_TOOL_PRICES, type ModelPrice, type PriceEntry } from './pricing-table';
export { gapStats, type GapStats } from './timing-stats';
export { totalsOf, turnOf, type UsageTotals } from './turn-usage';
export { ConversationCost } from './conversation-cost';
