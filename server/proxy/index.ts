export { createProxyMiddleware, type Middleware, type ProxyOptions } from './middleware';
export { matchRoute, API_PREFIX, STATUS_PATH, type Route } from './routes';
export { upstreamHeaders, clientHeaders, DEFAULT_API_VERSION } from './headers';
export { MAX_BODY_BYTES } from './read-body';
