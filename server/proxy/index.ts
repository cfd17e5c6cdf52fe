export { createProxyMiddleware, type Middleware, type ProxyOptions } from './middleware';
export { matchRoute, API_PREFIX, STATUS_PATH, type Route } from './routes';
export { upstreamHeaders, clientHeaders, DEFAULT_API_VERSION } from './headers';
export { MAX_BODY_BYTES, DEFAULT_BODY_TIMEOUT_MS } from './read-body';
export { DEFAULT_UPSTREAM_TIMEOUT_MS } from './forward';
export { DEFAULT_UPSTREAM_NONSTREAMING_TIMEOUT_MS, type ProxyLimits } from './limits';
export { LOCAL_HOSTNAMES, parseAllowedHosts } from './guard';
export { hardenServer, createProxyServer, answerClientError } from './http-server';
export { planListen, isLoopbackHost, remoteWarning, DEFAULT_HOST, DEFAULT_PORT, type ListenPlan } from './listen';
