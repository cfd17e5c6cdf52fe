// The in-page instrumentation, installed with addInitScript before the app's
// scripts run. Plain JavaScript in a string: functions compiled by tsx carry
// helpers (__name) that do not exist in the page.
//
// window.__bench records:
// - long tasks (PerformanceObserver 'longtask'), [startTime, duration];
// - animation frame timestamps between startFrames() and stopFrames();
// - every data-status change of an assistant article (MutationObserver,
//   attributes only), with performance.now();
// - for each /api/v1/messages fetch: when the first content_block_delta and
//   the last chunk reached the page's JavaScript (a pass-through
//   TransformStream under the app's fetch, or, when streams run in a worker,
//   the worker's batches arriving on the page);
// - the first time a non-blank text appears in the newest answer's text block;
// - when every block of an answer is formatted (whenFormatted).
export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  const B = {
    longTasks: [], frames: [], framing: false, statusChanges: [], fetches: [], firstText: null, longTaskError: null,
  };
  window.__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch (e) { B.longTaskError = String(e); }

  const innerFetch = window.fetch;
  window.fetch = async function (input, init) {
    const res = await innerFetch.call(this, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/api\/v1\/messages(\?|$)/.test(url) || !res.body) return res;
    const rec = { url, headersAt: performance.now(), firstDeltaAt: null, lastChunkAt: null, doneAt: null, chunks: 0, bytes: 0 };
    B.fetches.push(rec);
    const decoder = new TextDecoder();
    let tail = '';
    const pass = new TransformStream({
      transform(chunk, controller) {
        const now = performance.now();
        rec.lastChunkAt = now;
        rec.chunks += 1;
        rec.bytes += chunk.byteLength;
        if (rec.firstDeltaAt === null) {
          const text = tail + decoder.decode(chunk, { stream: true });
          if (text.includes('content_block_delta')) rec.firstDeltaAt = now;
          else tail = text.slice(-32);
        }
        controller.enqueue(chunk);
      },
      flush() { rec.doneAt = performance.now(); },
    });
    return new Response(res.body.pipeThrough(pass), { status: res.status, statusText: res.statusText, headers: res.headers });
  };

  // Streams may run in a worker (named 'streams'): its batches are what reaches the page's JavaScript.
  const InnerWorker = window.Worker;
  if (InnerWorker) {
    window.Worker = function (url, options) {
      const worker = new InnerWorker(url, options);
      if (!options || options.name !== 'streams') return worker;
      const records = new Map();
      worker.addEventListener('message', (e) => {
        const m = e.data;
        if (!m || typeof m.id !== 'number') return;
        const now = performance.now();
        let rec = records.get(m.id);
        if (!rec) {
          rec = { url: 'worker', headersAt: now, firstDeltaAt: null, lastChunkAt: null, doneAt: null, chunks: 0, bytes: 0 };
          records.set(m.id, rec);
          B.fetches.push(rec);
        }
        if (m.type === 'batch') {
          rec.lastChunkAt = now;
          rec.lastPostedAt = m.at - performance.timeOrigin;
          rec.chunks += 1;
          rec.bytes += m.text.length;
          if (rec.firstDeltaAt === null && m.text.includes('content_block_delta')) rec.firstDeltaAt = now;
        } else if (m.type === 'end') rec.doneAt = now;
      });
      return worker;
    };
    window.Worker.prototype = InnerWorker.prototype;
  }

  const answers = () => document.querySelectorAll('article[data-role="assistant"]');
  const statusWaiters = new Set();
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target;
      if (el.nodeType !== 1 || !el.matches('article[data-role="assistant"]')) continue;
      B.statusChanges.push({ status: el.getAttribute('data-status'), at: now, index: Array.prototype.indexOf.call(answers(), el), plain: el.querySelectorAll('[data-md-plain]').length });
    }
    for (const waiter of [...statusWaiters]) waiter();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });

  B.answerCount = () => answers().length;

  /** Resolves when answer number index (0-based) has one of the statuses; rejects after timeoutMs. */
  // Checked as each status change is observed, so what is read next (main-thread totals) is read at once.
  B.whenStatus = (index, statuses, timeoutMs) => new Promise((resolve, reject) => {
    const check = () => {
      const hit = B.statusChanges.find((c) => c.index === index && statuses.includes(c.status));
      if (!hit) return false;
      statusWaiters.delete(check);
      clearTimeout(timer);
      resolve(hit);
      return true;
    };
    const timer = setTimeout(() => {
      statusWaiters.delete(check);
      const el = answers()[index];
      reject(new Error('timed out waiting for answer ' + index + ' (status ' + (el ? el.getAttribute('data-status') : 'absent') + ')'));
    }, timeoutMs);
    if (!check()) statusWaiters.add(check);
  });

  B.watchFirstText = (index) => {
    B.firstText = null;
    const observer = new MutationObserver(() => {
      const el = answers()[index];
      if (!el) return;
      const block = el.querySelector('[data-block="text"]');
      const text = block ? block.textContent : '';
      if (!text || text.trim() === '') return;
      observer.disconnect();
      const found = { at: performance.now(), text: text.slice(0, 80), frameAt: null };
      B.firstText = found;
      requestAnimationFrame(() => setTimeout(() => { found.frameAt = performance.now(); }, 0));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  };

  B.startFrames = () => {
    B.frames = [];
    B.framing = true;
    const loop = (t) => {
      if (!B.framing) return;
      B.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  B.stopFrames = () => { B.framing = false; return B.frames; };

  B.beginRun = () => {
    B.longTasks = [];
    B.statusChanges = [];
    B.startFrames();
    return performance.now();
  };

  /**
   * Resolves with the time no block of answer number index is plain text any
   * more (blocks a fast stream brought off-screen start as plain text and
   * are formatted in the background). Watches attributes rather than polling
   * frames, which would shorten the idle periods the formatting runs in.
   */
  B.whenFormatted = (index, timeoutMs) => new Promise((resolve, reject) => {
    const el = answers()[index];
    if (!el) return reject(new Error('no answer ' + index));
    const plain = () => el.querySelectorAll('[data-md-plain]').length;
    if (plain() === 0) return resolve({ at: performance.now() });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('answer ' + index + ' still has ' + plain() + ' plain blocks after ' + timeoutMs + ' ms')); }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (plain() > 0) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ at: performance.now() });
    });
    observer.observe(el, { subtree: true, attributes: true, attributeFilter: ['data-md-plain'] });
  });

  /** Waits for two frames and then a task: everything the last update scheduled has run. */
  B.settle = (ms) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms || 0))));

  B.messagesTiming = () => {
    const entries = performance.getEntriesByType('resource').filter((e) => /\/api\/v1\/messages(\?|$)/.test(e.name));
    const last = entries[entries.length - 1];
    return last ? { responseStart: last.responseStart, responseEnd: last.responseEnd, transferSize: last.transferSize } : null;
  };
  /**
   * Clicks the element and resolves once the newest question in the DOM
   * contains text (the conversation's end is shown) and a frame has been
   * produced after it.
   */
  B.clickAndWaitNewest = (selector, text, timeoutMs) => new Promise((resolve, reject) => {
    const el = document.querySelector(selector);
    if (!el) return reject(new Error('nothing matches ' + selector));
    B.longTasks = [];
    const t0 = performance.now();
    el.click();
    const newest = () => { const all = document.querySelectorAll('article[data-role="user"]'); const last = all[all.length - 1]; return last ? last.textContent : ''; };
    const poll = () => {
      if (performance.now() - t0 > timeoutMs) return reject(new Error('the newest question is not shown after ' + timeoutMs + ' ms'));
      if (!newest().includes(text)) return requestAnimationFrame(poll);
      const shownAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ domMs: shownAt - t0, frameMs: performance.now() - t0, longTasks: B.longTasks.slice(), articles: document.querySelectorAll('article[data-role]').length }), 0));
    };
    requestAnimationFrame(poll);
  });

  /** Records, for every key typed into the element, event time → end of the next frame. */
  B.watchTyping = (selector) => {
    const el = document.querySelector(selector);
    B.typing = [];
    el.addEventListener('keydown', (e) => {
      const start = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => B.typing.push({ key: e.key, ms: performance.now() - start }), 0));
    });
  };

  B.scrollBox = (selector, to) => {
    const el = document.querySelector(selector);
    if (to === 'top') el.scrollTop = 0;
    return { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight };
  };

  B.domStats = () => ({ elements: document.getElementsByTagName('*').length, textChars: (document.querySelector('[data-testid="transcript"]') || document.body).textContent.length });

  /** Calibration: frame timestamps of an idle rAF loop over ms. */
  B.idleFrames = (ms) => new Promise((resolve) => {
    const frames = [];
    const t0 = performance.now();
    const loop = (t) => {
      frames.push(t);
      if (performance.now() - t0 < ms) requestAnimationFrame(loop);
      else resolve(frames);
    };
    requestAnimationFrame(loop);
  });

  /** Calibration: from a task asking for a frame to the frame's callback, n times. */
  B.rafLatency = (n) => new Promise((resolve) => {
    const out = [];
    const go = () => {
      const t = performance.now();
      requestAnimationFrame(() => {
        out.push(performance.now() - t);
        if (out.length < n) setTimeout(go, 37);
        else resolve(out);
      });
    };
    go();
  });

  /** Clicks the element in a later task and returns at once. */
  B.clickSoon = (selector) => { setTimeout(() => document.querySelector(selector).click(), 0); return true; };

  B.timeOrigin = () => performance.timeOrigin;
  B.now = () => performance.now();
})();`;
