// The page's own behaviour plus the functions the benchmark workload drives through page.evaluate.
(() => {
  const longTasks = [];
  const longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them: that is what attributes a long task.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          scripts: entry.scripts.map((script) => ({ src: script.sourceURL, duration: script.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  // Processing time of clicks and key presses, where the visitor feels a tracker (bench/lib/eventTiming.mjs).
  // Event Timing (`processingEnd - processingStart`) reports only events whose duration, input to next
  // paint, reaches 16 ms; so the page also times every click and keydown's dispatch itself, from its own
  // window capture listener (registered before any tracker's, so it runs first) to its window bubble
  // listener (the last phase of dispatch).
  const eventTiming = { click: [], keydown: [] };
  const dispatch = { click: [], keydown: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        eventTiming[entry.name]?.push(entry.processingEnd - entry.processingStart);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  for (const type of Object.keys(dispatch)) {
    let start = 0;
    addEventListener(
      type,
      () => {
        start = performance.now();
      },
      { capture: true, passive: true },
    );
    addEventListener(type, () => dispatch[type].push(performance.now() - start), { passive: true });
  }

  // What the browser delivered to the page, to state it in the report (moves within a frame coalesce).
  const delivered = { pointermove: 0, click: 0, keydown: 0, wheel: 0 };
  for (const type of Object.keys(delivered))
    addEventListener(
      type,
      () => {
        delivered[type] += 1;
      },
      { capture: true, passive: true },
    );

  let cart = 0;
  document.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target : null;
    if (!el) return;
    const link = el.closest('a');
    if (link) event.preventDefault();
    const add = el.closest('button.add');
    if (add) {
      cart += 1;
      document.getElementById('cart-count').textContent = String(cart);
      add.textContent = 'Added ✓';
    }
    const row = el.closest('tr[data-row]');
    if (row) row.classList.toggle('selected');
    if (el.closest('.wish')) el.closest('.wish').textContent = '♥';
  });
  document.getElementById('checkout').addEventListener('submit', (e) => e.preventDefault());
  document.getElementById('search').addEventListener('submit', (e) => e.preventDefault());

  let tick = 0;
  const WORDS = ['Jacket', 'Boot', 'Backpack', 'Lantern', 'Tent', 'Bottle', 'Scarf', 'Glove'];
  window.__bench = {
    longTasks,
    longFrames,
    delivered,
    eventTiming,
    dispatch,
    /** Interactive elements fully inside the viewport, below the sticky header. */
    targets() {
      const top = document.getElementById('top').getBoundingClientRect().bottom + 4;
      const out = [];
      for (const el of document.querySelectorAll('button, a, input, select, textarea, td, summary, label')) {
        const r = el.getBoundingClientRect();
        if (r.width < 8 || r.height < 8) continue;
        if (r.top < top || r.bottom > innerHeight - 4 || r.left < 0 || r.right > innerWidth) continue;
        out.push({
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
          tag: el.tagName,
          input: el.matches(
            'input[type=text],input[type=email],input[type=tel],input[type=search],textarea,input:not([type])',
          ),
        });
      }
      return out;
    },
    /** One batch of DOM mutations, the way a live page changes: list items, table cells, classes, attributes. */
    mutate(count) {
      const live = document.getElementById('live');
      const cells = document.querySelectorAll('#orders td:nth-child(3)');
      const statuses = document.querySelectorAll('#orders .status');
      const cards = document.querySelectorAll('#grid .card');
      for (let i = 0; i < count; i++) {
        tick += 1;
        switch (tick % 5) {
          case 0: {
            const li = document.createElement('li');
            li.className = 'live-item';
            li.innerHTML = `<span class="who">Visitor ${tick}</span> bought <b>${WORDS[tick % WORDS.length]}</b>`;
            live.prepend(li);
            break;
          }
          case 1:
            if (live.children.length > 40) live.lastElementChild.remove();
            else live.firstElementChild.classList.toggle('fresh');
            break;
          case 2:
            cells[tick % cells.length].textContent = String((tick * 7) % 50);
            break;
          case 3:
            statuses[tick % statuses.length].textContent = tick % 2 ? 'shipped' : 'delivered';
            break;
          default:
            cards[tick % cards.length].setAttribute('data-stock', String(tick % 9));
        }
      }
    },
    /** An SPA navigation: pushState, then swap the product grid and heading as a router would. */
    navigate(category, html) {
      history.pushState({ category }, '', `/category/${category}`);
      document.title = `Spoor Outdoor — Category ${category}`;
      document.getElementById('heading').textContent = `Category ${category}`;
      document.getElementById('grid').innerHTML = html;
      window.dispatchEvent(new CustomEvent('bench:navigate', { detail: { category } }));
    },
  };
})();
