import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { isLoopbackHost, planListen } from './listen';

describe('planListen', () => {
  it('listens on 127.0.0.1:4173 by default', () => {
    expect(planListen({ allowRemote: false })).toEqual({ ok: true, host: '127.0.0.1', port: 4173, warning: null });
    expect(planListen({ host: '', port: '', allowRemote: false })).toEqual({ ok: true, host: '127.0.0.1', port: 4173, warning: null });
  });

  it.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1'])('takes loopback host %s without further ado', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(planListen({ host, port: '0', allowRemote: false })).toMatchObject({ ok: true, host, port: 0, warning: null });
  });

  it.each(['0.0.0.0', '::', '192.168.1.5', 'mybox.local', '128.0.0.1'])('refuses %s without ALLOW_REMOTE, with a clear message', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
    const plan = planListen({ host, allowRemote: false });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(new RegExp(`^Refusing to listen on ${host.replace(/\./g, '\\.')}: .*ALLOW_REMOTE=1`));
  });

  it('listens on a remote host with ALLOW_REMOTE, with a warning', () => {
    const plan = planListen({ host: '0.0.0.0', port: '8080', allowRemote: true });
    expect(plan).toMatchObject({ ok: true, host: '0.0.0.0', port: 8080 });
    if (plan.ok) expect(plan.warning).toMatch(/^Warning: listening on 0\.0\.0\.0/);
  });

  it.each(['abc', '-1', '70000', '1.5'])('refuses port %s', (port) => {
    expect(planListen({ port, allowRemote: false })).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid port/) });
  });

  it('reads ALLOW_REMOTE, ALLOWED_HOSTS and the timeouts from the environment', () => {
    const config = loadConfig({ ALLOW_REMOTE: '1', ALLOWED_HOSTS: 'MyBox.local, 10.0.0.2,,bad host', PROXY_BODY_TIMEOUT_MS: '5000', PROXY_UPSTREAM_TIMEOUT_MS: '9000' }, '/nonexistent/.env');
    expect(config.allowRemote).toBe(true);
    expect(config.proxy).toMatchObject({ allowedHosts: ['mybox.local', '10.0.0.2'], bodyTimeoutMs: 5000, upstreamTimeoutMs: 9000 });
    expect(loadConfig({}, '/nonexistent/.env')).toMatchObject({ allowRemote: false, proxy: { allowedHosts: [] } });
  });
});

describe('npm start on a non-loopback host', () => {
  it('refuses to start without ALLOW_REMOTE and says why', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts', '--host', '0.0.0.0', '--port', '0'], {
      cwd: root,
      env: { ...process.env, ALLOW_REMOTE: '', ANTHROPIC_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 15_000);
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(output).toContain('Refusing to listen on 0.0.0.0');
    expect(output).not.toContain('Claude Stream Chat on');
  }, 20_000);
});
