/* global document, window, sessionStorage, EventSource */
// The vitamin monitor dashboard: plain DOM, no framework, no build step. Everything that comes from
// instances (names, hosts, versions, health details) is set with textContent or as attribute
// values, never parsed as markup, so a hostile command key or host name is shown, not run.

const state = {
  view: 'commands',
  cluster: '',
  /** cluster → command → rate points (the sparkline). */
  histories: new Map(),
  /** cluster → command → tile element, reused across ticks. */
  tiles: new Map(),
  lastTick: undefined,
  /** ms between the freshest event leaving an instance and its tile being drawn. */
  lastLagMs: undefined,
};
const HISTORY_POINTS = 150;

/** Creates an element with attributes and children (strings become text nodes). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

function fmt(value) {
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}

function showResult(text, isError) {
  const footer = document.getElementById('action-result');
  footer.textContent = text;
  footer.className = isError ? 'bad' : 'good';
}

// ---- commands (live feed) ----

function sparkline(points) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 100 28');
  svg.setAttribute('preserveAspectRatio', 'none');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  svg.append(line);
  drawSparkline(svg, points);
  return svg;
}

function drawSparkline(svg, points) {
  const max = Math.max(1, ...points);
  const step = points.length > 1 ? 100 / (points.length - 1) : 0;
  const coords = points.map((p, i) => `${(i * step).toFixed(1)},${(27 - (Number(p) / max) * 26).toFixed(1)}`);
  svg.firstChild.setAttribute('points', coords.join(' '));
}

function historyOf(cluster, command) {
  let byCommand = state.histories.get(cluster);
  if (!byCommand) state.histories.set(cluster, (byCommand = new Map()));
  let points = byCommand.get(command);
  if (!points) byCommand.set(command, (points = []));
  return points;
}

function tileFor(cluster, command) {
  let byName = state.tiles.get(cluster);
  if (!byName) state.tiles.set(cluster, (byName = new Map()));
  let tile = byName.get(command.name);
  if (!tile) {
    tile = {
      root: el('article', { className: 'tile', 'data-command': command.name }),
      name: el('div', { className: 'name' }),
      circuit: el('span', { className: 'circuit' }),
      rate: el('span', { className: 'rate' }),
      error: el('span', { className: 'error' }),
      counts: el('div', { className: 'counts' }),
      latency: el('div', { className: 'latency' }),
      hosts: el('div', { className: 'hosts' }),
      spark: sparkline([]),
    };
    tile.name.textContent = command.name;
    tile.root.append(
      el('div', { className: 'row' }, tile.name, tile.circuit),
      el('div', { className: 'row' }, tile.rate, tile.error),
      tile.spark,
      tile.counts,
      tile.latency,
      tile.hosts,
    );
    byName.set(command.name, tile);
  }
  return tile;
}

function updateTile(cluster, command) {
  const tile = tileFor(cluster, command);
  const isOpen = command.circuit === 'open';
  tile.root.className = `tile${isOpen ? ' open' : command.errorPercentage > 0 ? ' errors' : ''}`;
  tile.root.dataset.rate = String(command.rate);
  tile.root.dataset.errorPercentage = String(command.errorPercentage);
  tile.root.dataset.circuit = command.circuit;
  tile.circuit.className = `circuit${isOpen ? ' open' : ''}`;
  tile.circuit.textContent = isOpen
    ? `Circuit open (${command.openHosts}/${command.reportingHosts})`
    : 'Circuit closed';
  tile.rate.textContent = `${fmt(command.rate)}/s`;
  tile.error.textContent = `${command.errorPercentage} %`;
  tile.error.className = `error${command.errorPercentage > 0 ? ' bad' : ''}`;
  tile.counts.replaceChildren(
    el('span', { title: 'success' }, `ok ${command.success}`),
    ' ',
    el('span', { className: 'failure', title: 'failure' }, `fail ${command.failure}`),
    ' ',
    el('span', { className: 'timeout', title: 'timeout' }, `timeout ${command.timeout}`),
    ' ',
    el('span', { title: 'rejected (bulkhead and pool)' }, `rejected ${command.rejected}`),
    ' ',
    el('span', { title: 'short-circuited' }, `short ${command.shortCircuited}`),
    ' ',
    el('span', { title: 'bad requests' }, `4xx ${command.badRequests}`),
  );
  const l = command.latency;
  tile.latency.textContent = `mean ${l.mean} · p50 ${l.p50} · p90 ${l.p90} · p99 ${l.p99} · p99.5 ${l.p995} · max ${l.max} ms${
    command.isLatencyExact ? '' : ' (approx.)'
  }`;
  tile.hosts.textContent = `${command.reportingHosts} host${command.reportingHosts === 1 ? '' : 's'} · ${command.concurrent} in flight`;
  drawSparkline(tile.spark, historyOf(cluster, command.name));
  return tile.root;
}

function poolTable(pools) {
  return el(
    'table',
    { className: 'pools' },
    el(
      'tr',
      {},
      ['Group', 'Active', 'Queued', 'Size', 'Executions/s', 'Rejected', 'Hosts'].map((h) => el('th', {}, h)),
    ),
    pools.map((p) =>
      el(
        'tr',
        {},
        el('td', {}, p.name),
        el('td', {}, p.active),
        el('td', {}, p.queued),
        el('td', {}, p.size),
        el('td', {}, fmt(p.rate)),
        el('td', { className: p.rejected > 0 ? 'bad' : '' }, p.rejected),
        el('td', {}, p.reportingHosts),
      ),
    ),
  );
}

function renderTick(message) {
  const view = document.getElementById('view-commands');
  let newest = 0;
  const sections = [];
  for (const cluster of message.clusters) {
    rememberCluster(cluster.name);
    if (state.cluster !== '' && state.cluster !== cluster.name) continue;
    const tiles = cluster.commands.map((command) => {
      if (cluster.historyPoint) {
        const points = historyOf(cluster.name, command.name);
        points.push(command.rate);
        if (points.length > HISTORY_POINTS) points.shift();
      }
      newest = Math.max(newest, command.newestEventTime);
      return updateTile(cluster.name, command);
    });
    sections.push(
      el(
        'section',
        { className: 'cluster', 'data-cluster': cluster.name },
        el(
          'h2',
          {},
          cluster.name,
          ' ',
          el('small', {}, `${cluster.streaming}/${cluster.instances} instances streaming`),
        ),
        tiles.length === 0
          ? el('p', { className: 'empty' }, 'No command has reported yet.')
          : el('div', { className: 'tiles' }, tiles),
        cluster.pools.length === 0 ? null : el('h3', {}, 'Thread pools (groups)'),
        cluster.pools.length === 0 ? null : poolTable(cluster.pools),
      ),
    );
  }
  view.replaceChildren(...(sections.length > 0 ? sections : [el('p', { className: 'empty' }, 'No cluster yet.')]));
  state.lastTick = message.time;
  if (newest > 0) state.lastLagMs = Date.now() - newest;
  document.body.dataset.lastTick = String(message.time);
}

function rememberCluster(name) {
  const select = document.getElementById('cluster-filter');
  if ([...select.options].some((option) => option.value === name)) return;
  select.append(el('option', { value: name }, name));
}

function connectFeed() {
  const feed = new EventSource('/api/dashboard.stream');
  const label = document.getElementById('feed-state');
  feed.onopen = () => {
    label.textContent = 'live';
    label.className = 'feed-state live';
  };
  feed.onerror = () => {
    label.textContent = 'reconnecting…';
    label.className = 'feed-state';
  };
  feed.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'history') {
      for (const [cluster, byCommand] of Object.entries(message.histories)) {
        for (const [command, points] of Object.entries(byCommand)) {
          const kept = historyOf(cluster, command);
          kept.splice(0, kept.length, ...points.map(Number));
        }
      }
    } else if (message.type === 'tick') {
      renderTick(message);
    }
  };
}

// ---- instances (admin) ----

async function adminAction(instance, path, body) {
  const token = document.getElementById('admin-token').value;
  const url = `/api/instances/${encodeURIComponent(instance.cluster)}/${encodeURIComponent(instance.id)}/${path}`;
  const response = await window.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.ok) showResult(`${instance.id}: ${path} → ${JSON.stringify(answer.answer)}`, false);
  else
    showResult(
      `${instance.id}: ${path} refused (${response.status}): ${answer.error?.message ?? JSON.stringify(answer)}`,
      true,
    );
  void loadInstances();
}

function actionsCell(instance) {
  const loggers = instance.loggers && typeof instance.loggers.loggers === 'object' ? instance.loggers.loggers : {};
  const levels = Array.isArray(instance.loggers?.levels) ? instance.loggers.levels : ['debug', 'info', 'warn', 'error'];
  const loggerSelect = el(
    'select',
    { 'aria-label': 'logger' },
    Object.keys(loggers).map((name) => el('option', { value: name }, `${name} (${loggers[name]?.level})`)),
  );
  const levelSelect = el(
    'select',
    { 'aria-label': 'level' },
    levels.map((level) => el('option', { value: level }, String(level))),
  );
  const commandSelect = el(
    'select',
    { 'aria-label': 'command' },
    instance.commands.map((c) =>
      el('option', { value: c.name }, `${c.name}${c.isCircuitBreakerOpen ? ' (open)' : ''}`),
    ),
  );
  const circuit = (action) => () => {
    if (commandSelect.value)
      void adminAction(instance, `circuitbreakers/${encodeURIComponent(commandSelect.value)}`, { action });
  };
  return el(
    'td',
    { className: 'actions' },
    el(
      'div',
      {},
      loggerSelect,
      levelSelect,
      el(
        'button',
        {
          type: 'button',
          onclick: () =>
            void adminAction(instance, `loggers/${encodeURIComponent(loggerSelect.value)}`, {
              level: levelSelect.value,
            }),
        },
        'Set level',
      ),
    ),
    instance.commands.length === 0
      ? null
      : el(
          'div',
          {},
          commandSelect,
          el('button', { type: 'button', onclick: circuit('forceOpen') }, 'Force open'),
          el('button', { type: 'button', onclick: circuit('forceClosed') }, 'Force closed'),
          el('button', { type: 'button', onclick: circuit('reset') }, 'Reset'),
        ),
  );
}

function healthCell(health) {
  if (!health) return el('td', { className: 'empty' }, 'not read yet');
  const status = String(health.status ?? 'UNKNOWN');
  return el(
    'td',
    { className: status === 'UP' ? 'good' : 'bad' },
    status,
    el(
      'details',
      {},
      el('summary', {}, 'details'),
      el('pre', {}, JSON.stringify(health.components ?? health, null, 2)),
    ),
  );
}

async function loadInstances() {
  const query = state.cluster ? `?cluster=${encodeURIComponent(state.cluster)}` : '';
  const { instances } = await (await window.fetch(`/api/instances${query}`)).json();
  const rows = instances.map((i) =>
    el(
      'tr',
      { 'data-instance': i.id },
      el('td', {}, i.cluster),
      el('td', {}, el('div', {}, i.id), el('small', {}, `${i.host}:${i.port}`)),
      el('td', { className: i.status === 'UP' ? 'good' : 'bad' }, i.status),
      el(
        'td',
        { className: i.stream === 'streaming' ? 'good' : 'bad' },
        i.stream,
        i.streamReason ? el('div', {}, el('small', {}, i.streamReason)) : null,
      ),
      el('td', {}, i.version),
      el('td', {}, i.zone ?? '–'),
      el('td', {}, duration(i.uptimeSeconds)),
      healthCell(i.health),
      actionsCell(i),
    ),
  );
  const headers = ['Cluster', 'Instance', 'Status', 'Stream', 'Version', 'Zone', 'Uptime', 'Health', 'Actions'];
  document.getElementById('view-instances').replaceChildren(
    instances.length === 0
      ? el('p', { className: 'empty' }, 'No instance.')
      : el(
          'table',
          { className: 'instances' },
          el(
            'tr',
            {},
            headers.map((h) => el('th', {}, h)),
          ),
          rows,
        ),
  );
}

// ---- API catalog ----

async function loadCatalog() {
  const query = state.cluster ? `?cluster=${encodeURIComponent(state.cluster)}` : '';
  const { clusters } = await (await window.fetch(`/api/catalog${query}`)).json();
  const sections = clusters.map((cluster) => {
    const versions = cluster.instances.map((i) => `${i.id}: ${i.version}${i.error ? ` (${i.error})` : ''}`).join(' · ');
    return el(
      'section',
      { 'data-cluster': cluster.name },
      el('h2', {}, cluster.name, ' ', el('small', {}, versions)),
      cluster.operations.length === 0
        ? el('p', { className: 'empty' }, 'No operation described yet.')
        : el(
            'table',
            { className: 'catalog' },
            el(
              'tr',
              {},
              ['Method', 'Path', 'Summary', 'Deprecated', 'Served by'].map((h) => el('th', {}, h)),
            ),
            cluster.operations.map((op) =>
              el(
                'tr',
                { className: op.isDeprecated ? 'deprecated' : '' },
                el('td', {}, op.method),
                el('td', {}, op.path),
                el('td', {}, op.summary || op.operationId),
                el('td', {}, op.isDeprecated ? 'deprecated' : ''),
                el('td', {}, servedBy(op.servedBy)),
              ),
            ),
          ),
    );
  });
  document.getElementById('view-catalog').replaceChildren(...sections);
}

function servedBy(list) {
  const byVersion = new Map();
  for (const { version } of list) byVersion.set(version, (byVersion.get(version) ?? 0) + 1);
  return [...byVersion].map(([version, count]) => `${version} (${count})`).join(', ');
}

// ---- navigation ----

function show(view) {
  state.view = view;
  for (const button of document.querySelectorAll('nav button'))
    button.classList.toggle('active', button.dataset.view === view);
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== `view-${view}`;
  refresh();
}

function refresh() {
  const load = state.view === 'instances' ? loadInstances : state.view === 'catalog' ? loadCatalog : undefined;
  if (load) load().catch((error) => showResult(`could not load ${state.view}: ${error.message}`, true));
}

document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('nav button'))
    button.addEventListener('click', () => show(button.dataset.view));
  const filter = document.getElementById('cluster-filter');
  filter.addEventListener('change', () => {
    state.cluster = filter.value;
    refresh();
  });
  const token = document.getElementById('admin-token');
  token.value = sessionStorage.getItem('vitamin-admin-token') ?? '';
  token.addEventListener('change', () => sessionStorage.setItem('vitamin-admin-token', token.value));
  connectFeed();
  window.setInterval(refresh, 3000);
  // For tests and benchmarks: how far behind the instances the tiles are.
  window.vitaminMonitor = { lag: () => state.lastLagMs, lastTick: () => state.lastTick };
});
