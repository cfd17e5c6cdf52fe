// The in-page instrumentation, installed with addInitScript before the app's
// scripts run. Plain JavaScript in a string: functions compiled by tsx carry
// helpers (__name) that do not exist in the page.
//
// It relies only on the app's DOM contract (article[data-role="assistant"]
// [data-status], [data-md-block], the composer #composer), so the same probe
// measures the app, the naive build and, in an A/B run, the app as it was at
// another commit.
//
// window.__bench records:
// - long tasks (PerformanceObserver 'longtask'), [startTime, duration];
// - animation frame timestamps between startFrames() and stopFrames();
// - every data-status change of an assistant article (MutationObserver,
//   attributes only), with performance.now();
// - for each stream: when the first content delta and the last batch reached
//   the page's JavaScript, and when the stream worker received its last bytes
//   (both worker message formats: joined `arrivals`, and the older packed
//   `text` with an epoch `at`); streams read on the page are watched under
//   the app's fetch instead;
// - the first time a non-blank text appears in an answer's text block;
// - when an answer is first complete and formatted (watchFormatted);
// - for every key pressed in the composer: keydown timeStamp → the next
//   animation frame callback (watchKeys).
export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__bench) return;
  const B = {
    longTasks: [], frames: [], framing: false, statusChanges: [], fetches: [], firstText: null, longTaskError: null,
    keys: [], formatted: null,
  };
  window.__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch (e) { B.longTaskError = String(e); }

  const newRecord = (url, now) => ({ url, headersAt: now, firstDeltaAt: null, lastChunkAt: null, lastReceivedAt: null, doneAt: null, chunks: 0, bytes: 0 });

  const innerFetch = window.fetch;
  window.fetch = async function (input, init) {
    const res = await innerFetch.call(this, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/api\/v1\/messages(\?|$)/.test(url) || !res.body) return res;
    const rec = newRecord(url, performance.now());
    B.fetches.push(rec);
    const decoder = new TextDecoder();
    let tail = '';
    const pass = new TransformStream({
      transform(chunk, controller) {
        const now = performance.now();
        rec.lastChunkAt = now;
        rec.lastReceivedAt = now;
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
        if (!m || typeof m.id !== 'number' || (m.type !== 'batch' && m.type !== 'end' && m.type !== 'open')) return;
        const now = performance.now();
        let rec = records.get(m.id);
        if (!rec) {
          rec = newRecord('worker', now);
          records.set(m.id, rec);
          B.fetches.push(rec);
        }
        if (m.type === 'batch') {
          rec.lastChunkAt = now;
          rec.chunks += 1;
          let delta = false;
          if (Array.isArray(m.arrivals)) {
            // Joined arrivals, each with its arrival time in the worker, on the page's clock.
            for (const a of m.arrivals) if (a && a.ok && a.event && a.event.type === 'content_block_delta') { delta = true; break; }
            const last = m.arrivals[m.arrivals.length - 1];
            if (last) rec.lastReceivedAt = typeof last.lastAt === 'number' ? last.lastAt : last.at;
          } else if (typeof m.text === 'string') {
            // The older packed format: raw text, and when the batch was parsed (ms since the epoch).
            delta = m.text.includes('content_block_delta');
            rec.bytes += m.text.length;
            if (typeof m.at === 'number') rec.lastReceivedAt = m.at - performance.timeOrigin;
          }
          if (rec.firstDeltaAt === null && delta) rec.firstDeltaAt = now;
        } else if (m.type === 'end') rec.doneAt = now;
      });
      return worker;
    };
    window.Worker.prototype = InnerWorker.prototype;
  }

  const answers = () => document.querySelectorAll('article[data-role="assistant"]');
  const statusWaiters = new Set();
  /** Each answer element's latest status, and when it was seen. */
  const statusAt = new WeakMap();
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target;
      if (el.nodeType !== 1 || !el.matches('article[data-role="assistant"]')) continue;
      statusAt.set(el, { status: el.getAttribute('data-status'), at: now });
      B.statusChanges.push({ status: el.getAttribute('data-status'), at: now, index: Array.prototype.indexOf.call(answers(), el) });
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

  /**
   * Marks the newest answer now in the DOM; whenNextDone then waits for a newer
   * one to end. By element, not index: a long conversation renders only its
   * newest messages, so indexes shift as it grows.
   */
  B.markNewest = () => { const all = answers(); B.marked = all[all.length - 1] || null; return all.length; };
  B.whenNextDone = (statuses, timeoutMs) => new Promise((resolve, reject) => {
    const check = () => {
      const all = answers();
      const el = all[all.length - 1];
      if (!el || el === B.marked) return false;
      const status = el.getAttribute('data-status');
      if (!statuses.includes(status)) return false;
      statusWaiters.delete(check);
      clearTimeout(timer);
      // Let go of the marked element: the probe must not keep a detached answer (and React's tree through it) alive.
      B.marked = null;
      const seen = statusAt.get(el);
      resolve({ status, at: seen && seen.status === status ? seen.at : performance.now(), chars: el.textContent.length });
      return true;
    };
    const timer = setTimeout(() => {
      statusWaiters.delete(check);
      B.marked = null;
      reject(new Error('no new answer ended within ' + timeoutMs + ' ms'));
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

  /**
   * Records the first moment answer number index is complete and formatted:
   * data-status="complete", no block left as plain text ([data-md-plain], the
   * older app's deferred blocks), and its last markdown block made of
   * elements. Blocks counted then are checked against the answer afterwards.
   * Nothing is watched until the status is complete (the status observer
   * says so); then the article, until the condition holds.
   */
  B.watchFormatted = (index) => {
    B.formatted = null;
    let observer = null;
    let resolveFormatted = () => undefined;
    B.formattedPromise = new Promise((resolve) => { resolveFormatted = resolve; });
    const check = () => {
      const el = answers()[index];
      if (!el || el.getAttribute('data-status') !== 'complete') return false;
      if (el.querySelector('[data-md-plain]')) return false;
      const blocks = el.querySelectorAll('[data-block="text"] [data-md-block]');
      const last = blocks[blocks.length - 1];
      const root = el.querySelector('[data-block="text"] [data-markdown]');
      const shaped = last ? last.firstElementChild !== null : root !== null && root.firstElementChild !== null;
      if (!shaped) return false;
      B.formatted = { at: performance.now(), blocks: blocks.length, lastTag: last && last.firstElementChild ? last.firstElementChild.tagName.toLowerCase() : null };
      resolveFormatted(B.formatted);
      return true;
    };
    const onStatus = () => {
      const hit = B.statusChanges.find((c) => c.index === index && c.status === 'complete');
      if (!hit) return;
      statusWaiters.delete(onStatus);
      if (check()) return;
      const el = answers()[index];
      observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-md-plain', 'data-md-block'] });
    };
    statusWaiters.add(onStatus);
  };

  /** What watchFormatted found, once it has (null after timeoutMs). */
  B.whenFormatted = (timeoutMs) => new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    B.formattedPromise.then((found) => { clearTimeout(timer); resolve(found); });
  });

  /** Every key pressed in the composer: keydown timeStamp → the next animation frame's callback. */
  B.watchKeys = () => {
    B.keys = [];
    if (B.keysWatched) return;
    B.keysWatched = true;
    document.addEventListener('keydown', (e) => {
      const target = e.target;
      if (!target || target.id !== 'composer') return;
      const sample = { down: e.timeStamp, handled: performance.now(), frame: null };
      B.keys.push(sample);
      requestAnimationFrame(() => { sample.frame = performance.now(); });
    }, true);
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

  /** Waits for two frames and then a task: everything the last update scheduled has run. */
  B.settle = (ms) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms || 0))));

  /**
   * The bench server's wall clock against this page's (timeOrigin + now):
   * the offset to add to a page time to get the server's, from the sample
   * with the shortest round trip.
   */
  B.clockOffset = async (url, n) => {
    let best = null;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await innerFetch(url, { cache: 'no-store' });
      const body = await res.json();
      const t1 = performance.now();
      const offset = body.now - (performance.timeOrigin + (t0 + t1) / 2);
      if (best === null || t1 - t0 < best.rtt) best = { offset, rtt: t1 - t0 };
    }
    return best;
  };

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

  /** Records, for every key typed into the element, event time → end of the next frame (the long conversation's typing). */
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

  B.timeOrigin = () => performance.timeOrigin;
  B.now = () => performance.now();
})();`;
